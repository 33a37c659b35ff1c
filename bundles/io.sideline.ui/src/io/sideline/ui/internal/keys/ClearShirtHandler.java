package io.sideline.ui.internal.keys;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.PlatformUI;

/** Esc: forgets the shirt number typed. */
public final class ClearShirtHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        PlatformUI.getWorkbench().getService(ShirtNumber.class).clear();
        return null;
    }
}
