package io.sideline.ui;

/**
 * The ids of Sideline's perspectives and views. Other bundles and third-party plugins may refer to them,
 * so they never change.
 */
public final class SidelineUi {

    /** the bundle id of the workbench */
    public static final String PLUGIN_ID = "io.sideline.ui";
    /** the Live perspective: palette, feed, statistics and match info */
    public static final String PERSPECTIVE_LIVE = "io.sideline.ui.perspectives.live";
    /** the Review perspective: a saved match's feed, statistics and match info, with no palette */
    public static final String PERSPECTIVE_REVIEW = "io.sideline.ui.perspectives.review";
    /** the matches of the lookup server: search, create, join */
    public static final String VIEW_EVENTS = "io.sideline.ui.views.events";
    /** the palette of buttons that report what happens */
    public static final String VIEW_PALETTE = "io.sideline.ui.views.palette";
    /** the feed of accepted events */
    public static final String VIEW_FEED = "io.sideline.ui.views.feed";
    /** the statistics charts */
    public static final String VIEW_STATISTICS = "io.sideline.ui.views.statistics";
    /** the match: teams, score and clock */
    public static final String VIEW_MATCH = "io.sideline.ui.views.match";
    /** the teams' line-ups: shirt numbers, names, positions, who is on the pitch */
    public static final String VIEW_LINEUPS = "io.sideline.ui.views.lineups";
    /** the pitch: where the next report took place, and where the accepted events were. Since 0.2. */
    public static final String VIEW_PITCH = "io.sideline.ui.views.pitch";

    private SidelineUi() {
    }
}
