package io.sideline.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.sideline.ui.SidelineUi;

/**
 * The Live perspective: the match bar across the top, the palette on the left where the hands are with the
 * pitch under it, the feed in the middle and the statistics on the right.
 */
public final class LivePerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();

        layout.addStandaloneView(SidelineUi.VIEW_MATCH, false, IPageLayout.TOP, 0.08f, editor);
        layout.getViewLayout(SidelineUi.VIEW_MATCH).setCloseable(false);

        IFolderLayout left = layout.createFolder("io.sideline.ui.folders.palette", IPageLayout.LEFT, 0.36f, editor);
        left.addView(SidelineUi.VIEW_PALETTE);
        left.addPlaceholder(SidelineUi.VIEW_EVENTS);
        // the pitch under the palette: click where it happened, then the key
        layout.addView(SidelineUi.VIEW_PITCH, IPageLayout.BOTTOM, 0.58f, "io.sideline.ui.folders.palette");

        IFolderLayout right = layout.createFolder("io.sideline.ui.folders.statistics", IPageLayout.RIGHT, 0.5f, editor);
        right.addView(SidelineUi.VIEW_STATISTICS);
        right.addView(SidelineUi.VIEW_LINEUPS);

        IFolderLayout middle = layout.createFolder("io.sideline.ui.folders.feed", IPageLayout.TOP, 0.99f, editor);
        middle.addView(SidelineUi.VIEW_FEED);

        layout.addShowViewShortcut(SidelineUi.VIEW_PALETTE);
        layout.addShowViewShortcut(SidelineUi.VIEW_FEED);
        layout.addShowViewShortcut(SidelineUi.VIEW_STATISTICS);
        layout.addShowViewShortcut(SidelineUi.VIEW_MATCH);
        layout.addShowViewShortcut(SidelineUi.VIEW_EVENTS);
        layout.addShowViewShortcut(SidelineUi.VIEW_LINEUPS);
        layout.addShowViewShortcut(SidelineUi.VIEW_PITCH);
        layout.addPerspectiveShortcut(SidelineUi.PERSPECTIVE_LIVE);
        layout.addPerspectiveShortcut(SidelineUi.PERSPECTIVE_REVIEW);
    }
}
