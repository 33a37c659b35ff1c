package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.IViewDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.EventsView;
import io.sideline.ui.internal.views.PaletteView;

/**
 * What an analyst reads is never cut off. With a local match running and events accepted (long player names, a
 * retraction), every Sideline view declared in the workbench is shown in the Live and the Review perspective at
 * 1024×700 and at 1440×900, and every button, label, group title, column header and table cell is measured with
 * {@link GC#textExtent} against the room the control has (its width less the platform's own padding). Every
 * palette button must be on screen or reachable through a scroll bar. Every offender is reported with its text
 * and sizes; screenshots go to {@code target/screenshots/layout-*.png}.
 */
class LayoutFitTest {

    private static final int[][] SIZES = { { 1024, 700 }, { 1440, 900 } };
    private static final String[] PLAYERS = { "Pierre-Emerick Aubameyang", "Alexander-Arnold", "Ciro Immobile",
            "Kostas Tsimikas", "Giovanni Di Lorenzo" };

    @TempDir
    static Path data;

    /** the platform's padding around a column header's text and around a cell's text, measured once */
    private static int headerTrim;
    private static int cellTrim;

    @BeforeAll
    static void measurePlatformTrims() {
        // a real, shown table (off screen): an unshown one pads its headers differently
        Shell scratch = new Shell(Ui.window().getShell(), SWT.NO_TRIM);
        try {
            scratch.setLayout(new org.eclipse.swt.layout.FillLayout());
            Table t = new Table(scratch, SWT.NONE);
            scratch.setBounds(-3000, -3000, 800, 200);
            scratch.open();
            Ui.pump(100);
            t.setHeaderVisible(true);
            TableColumn c = new TableColumn(t, SWT.LEFT);
            String header = "Confidence of the vote";
            c.setText(header);
            c.pack();
            headerTrim = Math.max(0, c.getWidth() - extent(t, header).x);
            c.setText("");
            String cell = "Pierre-Emerick Aubameyang, Pierre-Emerick Aubameyang";
            new TableItem(t, SWT.NONE).setText(0, cell);
            c.pack();
            cellTrim = Math.max(0, c.getWidth() - extent(t, cell).x);
        } finally {
            scratch.dispose();
        }
    }

    @AfterAll
    static void restore() throws Exception {
        Ui.leave();
        for (String p : new String[] { SidelineUi.PERSPECTIVE_REVIEW, SidelineUi.PERSPECTIVE_LIVE }) {
            PlatformUI.getWorkbench().showPerspective(p, Ui.window());
            Ui.page().resetPerspective();
        }
        Ui.bigWindow();
    }

    @Test
    void everyTextInEverySidelineViewFitsAtBothWindowSizesInBothPerspectives() throws Exception {
        LiveSession session = Ui.session();
        PlatformUI.getWorkbench().showPerspective(SidelineUi.PERSPECTIVE_LIVE, Ui.window());
        Ui.bigWindow();
        session.startLocal("Borussia Mönchengladbach – Wolverhampton Wanderers", session.sport("football"),
                List.of("Borussia Mönchengladbach", "Wolves"), io.sideline.lookup.QuorumPolicy.SOLO, data);
        Ui.until("the local match is live", () -> session.setup() != null && session.mode() == LiveSession.Mode.LIVE);
        // the Matches view searches the local match's own lookup server, whatever an earlier test connected to
        session.connect(session.local().lookupUri(), io.sideline.local.LocalMatch.USER,
                java.nio.file.Files.readString(data.resolve("lookup").resolve("local-user.secret")), false);
        List<String> actions = session.setup().actions();
        int n = 0;
        for (String action : actions) {
            String origin = session.setup().origins().get(n % 2);
            session.report(action, origin, PLAYERS[n % PLAYERS.length]);
            n++;
        }
        int reported = n;
        Ui.until("every report is accepted", () -> session.feed().size() >= reported,
                () -> "feed " + session.feed().size() + " of " + reported);
        session.retractLast();
        Ui.until("the retraction is accepted", () -> session.feed().stream()
                .anyMatch(a -> a.status() == io.sideline.protocol.Accepted.Status.RETRACTED));

        List<IViewDescriptor> views = Arrays.stream(PlatformUI.getWorkbench().getViewRegistry().getViews())
                .filter(v -> v.getId().startsWith("io.sideline.")).toList();
        assertTrue(views.size() >= 5, "the Sideline views: " + views.stream().map(IViewDescriptor::getId).toList());

        List<String> offenders = new ArrayList<>();
        for (String perspective : new String[] { SidelineUi.PERSPECTIVE_LIVE, SidelineUi.PERSPECTIVE_REVIEW }) {
            PlatformUI.getWorkbench().showPerspective(perspective, Ui.window());
            for (int[] size : SIZES) {
                Shell shell = Ui.window().getShell();
                shell.setSize(size[0], size[1]);
                shell.setLocation(0, 0);
                Ui.pump(300);
                String where = Ui.page().getPerspective().getLabel() + " " + size[0] + "×" + size[1];
                for (IViewDescriptor d : views) {
                    IViewPart view = Ui.page().showView(d.getId());
                    if (view instanceof EventsView events && events.results().getItemCount() == 0
                            && session.connectedToLookup()) {
                        events.searchField().setText("");
                        events.searchField().notifyListeners(SWT.DefaultSelection, new Event());
                        Ui.until("the Matches view lists the local match", () -> events.results().getItemCount() > 0);
                    }
                    Ui.pump(250);
                    Composite root = (Composite) view.getSite().getService(MPart.class).getWidget();
                    String at = where + " · " + d.getLabel();
                    check(root, root, at, offenders);
                    for (CTabFolder tabs : all(root, CTabFolder.class)) {
                        for (int i = 0; i < tabs.getItemCount(); i++) {
                            tabs.setSelection(i);
                            Ui.pump(150);
                            check(tabs.getItem(i).getControl(), root, at + " › " + tabs.getItem(i).getText(), offenders);
                        }
                        tabs.setSelection(0);
                    }
                    if (view instanceof PaletteView palette) {
                        reachable(palette, root, at, offenders);
                    }
                    Ui.screenshot(shell, "layout-" + Ui.page().getPerspective().getLabel().toLowerCase() + "-" + size[0]
                            + "x" + size[1] + "-" + d.getLabel().toLowerCase().replaceAll("[^a-z]+", "-") + ".png");
                }
            }
        }
        assertTrue(offenders.isEmpty(), offenders.size() + " texts do not fit (header trim " + headerTrim
                + " px, cell trim " + cellTrim + " px):\n" + String.join("\n", offenders));
    }

    // ------------------------------------------------------------------------------------ measuring

    private static void check(Control walk, Composite root, String at, List<String> offenders) {
        if (walk == null) {
            return;
        }
        Ui.walk(walk, c -> {
            if (!c.isVisible()) {
                return;
            }
            if (c instanceof Button b && (b.getStyle() & (SWT.PUSH | SWT.CHECK | SWT.RADIO | SWT.TOGGLE)) != 0) {
                String text = plain(b.getText());
                if (!text.isEmpty()) {
                    Point e = extent(b, text);
                    int trim = Math.max(0, b.computeSize(SWT.DEFAULT, SWT.DEFAULT, true).x - e.x);
                    if (e.x + trim > b.getSize().x) {
                        offenders.add(at + ": button \"" + text + "\" needs " + e.x + " + " + trim + " px, has "
                                + b.getSize().x);
                    }
                }
            } else if (c instanceof Label l && (l.getStyle() & SWT.SEPARATOR) == 0) {
                checkLabel(l, at, offenders);
            } else if (c instanceof Group g) {
                String text = plain(g.getText());
                if (!text.isEmpty()) {
                    Point e = extent(g, text);
                    int trim = g.getSize().x - g.getClientArea().width;
                    if (e.x + trim > g.getSize().x) {
                        offenders.add(at + ": group \"" + text + "\" needs " + e.x + " + " + trim + " px, has "
                                + g.getSize().x);
                    }
                }
            } else if (c instanceof Table t) {
                checkTable(t, at, offenders);
            }
            if ((c instanceof Button || c instanceof Label || c instanceof Group) && c != root
                    && !text(c).isBlank() && ancestor(c, ScrolledComposite.class) == null && !shown(c, root)) {
                Rectangle r = c.getDisplay().map(c.getParent(), null, c.getBounds());
                offenders.add(at + ": " + c.getClass().getSimpleName().toLowerCase() + " \"" + text(c) + "\" at " + r
                        + " reaches beyond what the view shows, and nothing scrolls to it");
            }
        });
    }

    private static void checkLabel(Label l, String at, List<String> offenders) {
        String text = plain(l.getText());
        if (text.isBlank()) {
            return;
        }
        Point size = l.getSize();
        if ((l.getStyle() & SWT.WRAP) != 0) {
            int trim = Math.max(0, l.computeSize(SWT.DEFAULT, SWT.DEFAULT, true).x - extent(l, text).x);
            for (String word : text.split("\\s+")) {
                int w = extent(l, word).x;
                if (w + trim > size.x) {
                    offenders.add(at + ": label \"" + text + "\": the word \"" + word + "\" needs " + w + " + " + trim
                            + " px, has " + size.x);
                    return;
                }
            }
            int needed = l.computeSize(size.x, SWT.DEFAULT, true).y;
            if (needed > size.y) {
                offenders.add(at + ": label \"" + text + "\" wrapped to " + size.x + " px needs " + needed
                        + " px of height, has " + size.y);
            }
            return;
        }
        Point e = extent(l, text);
        Point preferred = l.computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
        int trim = Math.max(0, preferred.x - e.x);
        if (e.x + trim > size.x || Math.min(e.y, preferred.y) > size.y) {
            offenders.add(at + ": label \"" + text + "\" needs " + e.x + " + " + trim + " × " + e.y + " px, has "
                    + size.x + " × " + size.y);
        }
    }

    private static void checkTable(Table t, String at, List<String> offenders) {
        TableColumn[] columns = t.getColumns();
        for (int i = 0; i < columns.length; i++) {
            TableColumn col = columns[i];
            if (t.getHeaderVisible() && !col.getText().isEmpty()) {
                int e = extent(t, col.getText()).x;
                if (e + headerTrim > col.getWidth()) {
                    offenders.add(at + ": column \"" + col.getText() + "\" needs " + e + " + " + headerTrim
                            + " px, has " + col.getWidth());
                }
            }
            int rows = Math.min(t.getItemCount(), 200);
            for (int r = 0; r < rows; r++) {
                TableItem item = t.getItem(r);
                String text = item.getText(i);
                if (text.isEmpty()) {
                    continue;
                }
                GC gc = new GC(t);
                int e;
                try {
                    gc.setFont(item.getFont(i));
                    e = gc.textExtent(text).x;
                } finally {
                    gc.dispose();
                }
                if (e + cellTrim > col.getWidth()) {
                    offenders.add(at + ": cell \"" + text + "\" (column \"" + col.getText() + "\", row " + r
                            + ") needs " + e + " + " + cellTrim + " px, has " + col.getWidth());
                }
            }
        }
    }

    /**
     * Every palette button is on screen, or a scroll bar reaches it: scrolled into view, it shows whole inside
     * the view.
     */
    private static void reachable(PaletteView palette, Composite root, String at, List<String> offenders) {
        for (Button b : palette.buttons().values()) {
            if (shown(b, root)) {
                continue;
            }
            ScrolledComposite scroller = ancestor(b, ScrolledComposite.class);
            boolean bar = scroller != null && ((scroller.getVerticalBar() != null && scroller.getVerticalBar().isVisible())
                    || (scroller.getHorizontalBar() != null && scroller.getHorizontalBar().isVisible()));
            if (bar) {
                scroller.showControl(b);
                Ui.pump(50);
                if (shown(b, root)) {
                    continue;
                }
            }
            Rectangle r = b.getDisplay().map(b.getParent(), null, b.getBounds());
            offenders.add(at + ": palette button \"" + plain(b.getText()) + "\" at " + r + " is outside the view "
                    + b.getDisplay().map(root, null, root.getClientArea())
                    + (bar ? " even scrolled to it" : " and no scroll bar reaches it"));
        }
        ScrolledComposite scroller = all(root, ScrolledComposite.class).stream().findFirst().orElse(null);
        if (scroller != null) {
            scroller.setOrigin(0, 0);
            Ui.pump(50);
        }
    }

    /** @return whether the control is entirely within what each of its ancestors up to root shows */
    private static boolean shown(Control c, Composite root) {
        if (!c.isVisible() || c.getSize().x <= 0 || c.getSize().y <= 0) {
            return false;
        }
        Rectangle r = c.getDisplay().map(c.getParent(), null, c.getBounds());
        for (Composite p = c.getParent(); p != null; p = p.getParent()) {
            Rectangle area = p.getDisplay().map(p, null, p.getClientArea());
            if (!area.contains(r.x, r.y) || !area.contains(r.x + r.width - 1, r.y + r.height - 1)) {
                return false;
            }
            if (p == root) {
                break;
            }
        }
        return true;
    }

    private static String text(Control c) {
        return plain(c instanceof Button b ? b.getText() : c instanceof Label l ? l.getText()
                : c instanceof Group g ? g.getText() : "");
    }

    private static <T> T ancestor(Control c, Class<T> type) {
        for (Composite p = c.getParent(); p != null; p = p.getParent()) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    private static <T> List<T> all(Control root, Class<T> type) {
        List<T> found = new ArrayList<>();
        Ui.walk(root, c -> {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
        });
        return found;
    }

    private static Point extent(Control c, String text) {
        GC gc = new GC(c);
        try {
            gc.setFont(c.getFont());
            return gc.textExtent(text);
        } finally {
            gc.dispose();
        }
    }

    /** @return the text as shown: mnemonic ampersands removed, a doubled one kept once */
    private static String plain(String text) {
        return text.replace("&&", "\u0000").replace("&", "").replace("\u0000", "&");
    }
}
