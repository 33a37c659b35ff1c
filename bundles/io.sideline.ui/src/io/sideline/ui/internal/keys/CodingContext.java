package io.sideline.ui.internal.keys;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PerspectiveAdapter;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;

import io.sideline.sport.api.Sport;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.session.LiveSession;

/**
 * Turns a window's report keys on and off: the coding context ({@value SportKeys#CONTEXT_CODING}) and the open
 * match's sport context are active while a match is live and the window shows the Live perspective, whichever
 * view has the focus, and off while a text field has it (typing "g" in the player field types a g). Follows the
 * session, the perspective and the focus. UI thread only.
 */
public final class CodingContext {

    private final IWorkbenchWindow window;
    private final IContextService contexts;
    private final LiveSession session;
    private final ShirtNumber shirt;
    private final LiveSession.Listener sessionListener = s -> update();
    private final Listener focusFilter = e -> update();
    private final PerspectiveAdapter perspectiveListener = new PerspectiveAdapter() {
        @Override
        public void perspectiveActivated(IWorkbenchPage page, IPerspectiveDescriptor perspective) {
            update();
        }

        @Override
        public void perspectiveDeactivated(IWorkbenchPage page, IPerspectiveDescriptor perspective) {
            Display.getCurrent().asyncExec(CodingContext.this::update);
        }
    };
    private IContextActivation coding;
    private IContextActivation sportContext;
    private String sportContextId;

    private CodingContext(IWorkbenchWindow window) {
        this.window = window;
        this.contexts = window.getService(IContextService.class);
        this.session = PlatformUI.getWorkbench().getService(LiveSession.class);
        this.shirt = PlatformUI.getWorkbench().getService(ShirtNumber.class);
    }

    /** Follows a window until it closes. */
    public static CodingContext follow(IWorkbenchWindow window) {
        CodingContext c = new CodingContext(window);
        Display display = window.getShell().getDisplay();
        c.session.addListener(c.sessionListener);
        window.addPerspectiveListener(c.perspectiveListener);
        display.addFilter(SWT.FocusIn, c.focusFilter);
        window.getShell().addDisposeListener(e -> {
            c.session.removeListener(c.sessionListener);
            window.removePerspectiveListener(c.perspectiveListener);
            display.removeFilter(SWT.FocusIn, c.focusFilter);
        });
        c.update();
        return c;
    }

    /** @return whether the window's report keys are on */
    public boolean active() {
        return coding != null;
    }

    private void update() {
        if (window.getShell() == null || window.getShell().isDisposed()) {
            return;
        }
        boolean live = session.mode() == LiveSession.Mode.LIVE;
        if (!live) {
            shirt.clear();
        }
        IWorkbenchPage page = window.getActivePage();
        boolean on = live && page != null && page.getPerspective() != null
                && SidelineUi.PERSPECTIVE_LIVE.equals(page.getPerspective().getId())
                && !typing(window.getShell().getDisplay().getFocusControl());
        Sport sport = on ? session.matchSport() : null;
        String wanted = sport == null ? null : SportKeys.contextOf(sport);
        if (sportContextId != null && !sportContextId.equals(wanted)) {
            contexts.deactivateContext(sportContext);
            sportContext = null;
            sportContextId = null;
        }
        if (on && coding == null) {
            coding = contexts.activateContext(SportKeys.CONTEXT_CODING);
        } else if (!on && coding != null) {
            contexts.deactivateContext(coding);
            coding = null;
        }
        if (wanted != null && sportContextId == null) {
            SportKeys.install(PlatformUI.getWorkbench(), List.of(sport));
            sportContext = contexts.activateContext(wanted);
            sportContextId = wanted;
        }
    }

    /** @return whether keys typed into this control are text: a text field of this window */
    private boolean typing(Control focus) {
        return focus != null && focus.getShell() == window.getShell() && (focus instanceof Text
                || focus instanceof Combo || focus instanceof Spinner || focus instanceof StyledText
                || focus instanceof CCombo);
    }
}
