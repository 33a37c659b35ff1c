package io.sideline.ui.internal.keys;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import io.sideline.protocol.Setup;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.PaletteView;

/**
 * Reports an action for the home or the away team of the live match: what a palette key does, wherever the
 * focus is in the Live perspective. The player is the shirt number typed before, or the palette's player field.
 */
public final class ReportHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        String action = event.getParameter(SportKeys.PARAM_ACTION);
        int team = SportKeys.AWAY.equals(event.getParameter(SportKeys.PARAM_TEAM)) ? 1 : 0;
        LiveSession session = PlatformUI.getWorkbench().getService(LiveSession.class);
        Setup setup = session.mode() == LiveSession.Mode.LIVE ? session.setup() : null;
        if (setup == null || action == null || team >= setup.origins().size() || !setup.actions().contains(action)) {
            return null;
        }
        PaletteView palette = palette(HandlerUtil.getActiveWorkbenchWindow(event));
        if (palette != null) {
            palette.report(new PaletteView.Binding(action, setup.origins().get(team), (char) 0, team == 1));
        } else {
            Reporting.report(session, PlatformUI.getWorkbench().getService(ShirtNumber.class), action,
                    setup.origins().get(team), null);
        }
        return null;
    }

    /** @return the window's palette, or {@code null} when it is closed */
    static PaletteView palette(IWorkbenchWindow window) {
        if (window == null || window.getActivePage() == null) {
            return null;
        }
        return window.getActivePage().findView(SidelineUi.VIEW_PALETTE) instanceof PaletteView p ? p : null;
    }
}
