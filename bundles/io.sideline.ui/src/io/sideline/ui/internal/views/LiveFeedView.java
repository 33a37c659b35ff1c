package io.sideline.ui.internal.views;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.sideline.peer.PendingReport;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.stats.MatchStats;
import io.sideline.ui.internal.session.LiveSession;

/**
 * The accepted events of the match in match-time order: time, origin, action, player, votes,
 * confidence and where on the pitch (x, y on the 0–100 pitch, the event's side attacking left to right). Corrections show: a retracted event struck through, an amended one marked. This user's
 * reports that wait for votes are greyed at the end. Filters by origin and action; follows the newest row
 * unless the user scrolled up. A virtual table: thousands of events stay smooth.
 */
public final class LiveFeedView extends ViewPart {

    /** the feed's columns, in order */
    static final String[] COLUMNS = { "Time", "Origin", "Action", "Player", "Votes", "Confidence", "Where" };
    /** how many new rows a refresh measures at most, to size the columns */
    private static final int FIT_ROWS = 300;
    private static final String ALL = "All";

    /** One row: an accepted event's current version, or a report of this user still waiting. */
    public record Row(Accepted accepted, PendingReport pending) {
        /** @return whether the event was retracted */
        public boolean retracted() {
            return accepted != null && accepted.status() == Accepted.Status.RETRACTED;
        }
    }

    private LiveSession session;
    private final LiveSession.Listener listener = s -> refresh();
    private Table table;
    private Combo originFilter;
    private Combo actionFilter;
    private Setup filtersFor;
    private List<Row> rows = List.of();
    /** the rows' events whose cells were measured, and the width each column needed for them */
    private final java.util.Set<Object> measured = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final int[] needed = new int[COLUMNS.length];
    private String fittedFor;

    @Override
    public void createPartControl(Composite parent) {
        session = PlatformUI.getWorkbench().getService(LiveSession.class);
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(4, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        c.setLayout(layout);
        new Label(c, SWT.NONE).setText("Show:");
        originFilter = new Combo(c, SWT.READ_ONLY);
        actionFilter = new Combo(c, SWT.READ_ONLY);
        Label spacer = new Label(c, SWT.NONE);
        spacer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (Combo f : List.of(originFilter, actionFilter)) {
            f.add(ALL);
            f.select(0);
            f.addListener(SWT.Selection, e -> refresh());
        }
        table = new Table(c, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn column = new TableColumn(table, i == 4 || i == 5 ? SWT.RIGHT : SWT.LEFT);
            column.setText(COLUMNS[i]);
        }
        table.addListener(SWT.SetData, this::fill);
        table.addListener(SWT.PaintItem, this::strikeThrough);
        session.addListener(listener);
        refresh();
    }

    @Override
    public void dispose() {
        session.removeListener(listener);
        super.dispose();
    }

    /** @return the feed's table */
    public Table table() {
        return table;
    }

    /** @return the rows shown, after the filters */
    public List<Row> rows() {
        return rows;
    }

    /** @return the origin and action filters */
    public Combo[] filters() {
        return new Combo[] { originFilter, actionFilter };
    }

    private void refresh() {
        if (table.isDisposed()) {
            return;
        }
        Setup setup = session.setup();
        if (setup != filtersFor) {
            filtersFor = setup;
            reset(originFilter, setup == null ? List.of() : setup.origins());
            reset(actionFilter, setup == null ? List.of() : setup.actions());
        }
        String origin = originFilter.getText();
        String action = actionFilter.getText();
        List<Row> next = new ArrayList<>();
        for (Accepted a : session.feed()) {
            if (matches(a.event().origin(), origin) && matches(a.event().title(), action)) {
                next.add(new Row(a, null));
            }
        }
        for (PendingReport p : session.pending()) {
            if (matches(p.event().origin(), origin) && matches(p.event().title(), action)) {
                next.add(new Row(null, p));
            }
        }
        int visible = Math.max(1, table.getClientArea().height / Math.max(1, table.getItemHeight()));
        boolean following = rows.isEmpty() || table.getTopIndex() + visible >= rows.size() - 1;
        rows = next;
        table.setItemCount(rows.size());
        table.clearAll();
        String content = System.identityHashCode(setup) + "/" + origin + "/" + action;
        fitColumns(!content.equals(fittedFor));
        fittedFor = content;
        if (following && !rows.isEmpty()) {
            table.setTopIndex(Math.max(0, rows.size() - visible + 1));
        }
    }

    private static boolean matches(String value, String filter) {
        return filter == null || filter.isEmpty() || ALL.equals(filter) || filter.equals(value);
    }

    private static void reset(Combo combo, List<String> values) {
        String was = combo.getText();
        combo.removeAll();
        combo.add(ALL);
        values.forEach(combo::add);
        int i = combo.indexOf(was);
        combo.select(Math.max(0, i));
    }

    private void fill(Event e) {
        TableItem item = (TableItem) e.item;
        int index = table.indexOf(item);
        if (index < 0 || index >= rows.size()) {
            return;
        }
        Row row = rows.get(index);
        item.setText(cells(row, session.stats()));
        if (row.retracted()) {
            item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        } else if (row.pending() != null) {
            item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_GRAY));
        }
    }

    /** @return what a row shows, column by column */
    private static String[] cells(Row row, MatchStats stats) {
        if (row.accepted() != null) {
            Accepted a = row.accepted();
            String action = a.event().title();
            if (a.status() == Accepted.Status.AMENDED) {
                action += "  (amended, v" + a.version() + ")";
            } else if (row.retracted()) {
                action += "  (retracted)";
            }
            return new String[] { clock(stats, a.event().time()), a.event().origin(), action,
                    a.event().player() == null ? "" : a.event().player(), Integer.toString(a.votes()),
                    String.format(Locale.ROOT, "%.0f %%", 100 * a.confidence()), where(a.event()) };
        }
        PendingReport p = row.pending();
        return new String[] { clock(stats, p.event().time()), p.event().origin(),
                p.event().title() + "  (your report: waiting for votes)",
                p.event().player() == null ? "" : p.event().player(), "1", "", where(p.event()) };
    }

    /**
     * Widens the columns to the rows not measured yet, the newest first and at most {@value #FIT_ROWS} of them
     * per refresh, so a long match stays cheap; a new match or filter measures afresh.
     */
    private void fitColumns(boolean afresh) {
        if (afresh) {
            measured.clear();
            java.util.Arrays.fill(needed, 0);
        }
        MatchStats stats = session.stats();
        List<String[]> cells = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0 && cells.size() < FIT_ROWS; i--) {
            Row row = rows.get(i);
            Object key = row.accepted() != null ? row.accepted() : row.pending();
            if (measured.add(key)) {
                cells.add(cells(row, stats));
            }
        }
        if (measured.size() > 20_000) {
            measured.clear(); // rows measured again later only widen what is already wide enough
        }
        if (afresh || !cells.isEmpty()) {
            ColumnFit.widen(table, cells, needed);
        }
    }

    /** draws a line through the text of a retracted event */
    private void strikeThrough(Event e) {
        TableItem item = (TableItem) e.item;
        int index = table.indexOf(item);
        if (index < 0 || index >= rows.size() || !rows.get(index).retracted()) {
            return;
        }
        Rectangle b = item.getBounds(e.index);
        int y = b.y + b.height / 2;
        e.gc.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        e.gc.drawLine(b.x + 2, y, b.x + Math.min(b.width - 2, e.gc.textExtent(item.getText(e.index)).x + 6), y);
    }

    /** @return where an event took place, as the Where column shows it: "88, 40", or empty */
    static String where(io.sideline.protocol.TimelineEvent e) {
        return e.location() == null ? "" : e.location().toString();
    }

    /** @return the match time of an instant, as the feed shows it: 53:07 */
    public static String clock(MatchStats stats, Instant t) {
        if (stats == null || stats.start() == null) {
            return java.time.LocalTime.ofInstant(t, java.time.ZoneId.systemDefault()).withNano(0).toString();
        }
        Duration d = stats.clock(t);
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
