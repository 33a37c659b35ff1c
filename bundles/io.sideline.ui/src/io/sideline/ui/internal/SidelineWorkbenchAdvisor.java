package io.sideline.ui.internal;

import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.keys.SportKeys;
import io.sideline.ui.internal.session.LiveSession;

/** Opens the Live perspective first and remembers the layout a user makes. */
public final class SidelineWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
    }

    /** every installed sport's report keys are on the Keys preference page from the start */
    @Override
    public void postStartup() {
        super.postStartup();
        IWorkbench workbench = PlatformUI.getWorkbench();
        SportKeys.install(workbench, workbench.getService(LiveSession.class).sports());
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return SidelineUi.PERSPECTIVE_LIVE;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new SidelineWindowAdvisor(configurer);
    }
}
