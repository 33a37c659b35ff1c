package io.sideline.ui.internal.keys;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.PaletteView;

/**
 * Edit › Retract Last Report (Ctrl+Z): asks to take back this user's last accepted report, and says which one
 * in the palette and the status line: "Retracting Goal · Lions 1:36".
 */
public final class RetractHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        LiveSession session = PlatformUI.getWorkbench().getService(LiveSession.class);
        String message = Reporting.retractLast(session);
        PaletteView palette = ReportHandler.palette(HandlerUtil.getActiveWorkbenchWindow(event));
        if (palette != null) {
            palette.showMessage(message);
        }
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        if (part != null && part.getSite() instanceof IViewSite site) {
            site.getActionBars().getStatusLineManager().setMessage(message);
        }
        return null;
    }
}
