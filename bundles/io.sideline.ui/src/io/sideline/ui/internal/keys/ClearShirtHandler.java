package io.sideline.ui.internal.keys;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.PlatformUI;

import io.sideline.ui.internal.session.LiveSession;

/** Esc: forgets the shirt number typed and the place set on the Pitch view for the next report. */
public final class ClearShirtHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        PlatformUI.getWorkbench().getService(ShirtNumber.class).clear();
        LiveSession session = PlatformUI.getWorkbench().getService(LiveSession.class);
        if (session.nextLocation() != null) {
            session.nextLocation(null);
        }
        return null;
    }
}
