package io.sideline.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.sideline.ui.SidelineUi;

/**
 * The Review perspective, for coaches after the game: the match bar, the feed on the left and the
 * statistics taking most of the window, the pitch under the feed. No palette: a saved match is read-only.
 */
public final class ReviewPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addStandaloneView(SidelineUi.VIEW_MATCH, false, IPageLayout.TOP, 0.08f, editor);
        IFolderLayout left = layout.createFolder("io.sideline.ui.folders.review.feed", IPageLayout.LEFT, 0.4f, editor);
        left.addView(SidelineUi.VIEW_FEED);
        layout.addView(SidelineUi.VIEW_PITCH, IPageLayout.BOTTOM, 0.6f, "io.sideline.ui.folders.review.feed");
        IFolderLayout right = layout.createFolder("io.sideline.ui.folders.review.statistics", IPageLayout.TOP, 0.99f,
                editor);
        right.addView(SidelineUi.VIEW_STATISTICS);
        layout.addShowViewShortcut(SidelineUi.VIEW_FEED);
        layout.addShowViewShortcut(SidelineUi.VIEW_STATISTICS);
        layout.addShowViewShortcut(SidelineUi.VIEW_MATCH);
        layout.addShowViewShortcut(SidelineUi.VIEW_EVENTS);
        layout.addShowViewShortcut(SidelineUi.VIEW_PITCH);
        layout.addPerspectiveShortcut(SidelineUi.PERSPECTIVE_LIVE);
        layout.addPerspectiveShortcut(SidelineUi.PERSPECTIVE_REVIEW);
    }
}
