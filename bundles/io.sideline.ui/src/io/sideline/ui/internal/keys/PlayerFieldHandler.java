package io.sideline.ui.internal.keys;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.views.PaletteView;

/** F2: to the palette's player field, opening the palette if it was closed. */
public final class PlayerFieldHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        if (window == null || window.getActivePage() == null) {
            return null;
        }
        try {
            if (window.getActivePage().showView(SidelineUi.VIEW_PALETTE) instanceof PaletteView p
                    && p.playerField() != null && !p.playerField().isDisposed()) {
                p.playerField().setFocus();
            }
        } catch (PartInitException e) {
            // the palette is a view of this bundle: it opens
        }
        return null;
    }
}
