package io.sideline.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Location;
import io.sideline.protocol.Setup;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.session.PitchSides;

/**
 * A football pitch drawn to scale, where the analyst says where the next report took place and sees where the
 * accepted events were.
 * <p>
 * One rule: a click on the pitch, or a key of the numeric keypad (its nine zones, see {@link PitchSides}), sets
 * where the <em>next</em> report took place; a marker and the line "Next report at 88, 40 · Esc clears" show it until
 * a report uses it or Esc clears it. A second click moves it. The pitch takes no keyboard focus, so the keys that
 * report keep working after a click. The home side attacks left to right, the away side right to left; a location
 * an away report carries is turned to its side's view as the protocol wants.
 * <p>
 * The accepted events with a location are drawn as dots in their team's colour, the five latest larger and named;
 * a legend names the teams and their direction.
 */
public final class PitchView extends ViewPart {

    /** the text of the line when no location is set */
    public static final String HINT = "Click where the next action happens, or keypad 1–9 · Num Lock on";

    /** the pitch, in metres: 105 × 68 */
    static final double LENGTH = 105;
    static final double WIDTH = 68;
    /** how many of the latest located events are drawn larger, with their action */
    static final int RECENT = 5;

    private static final RGB GRASS = new RGB(0x2e, 0x7d, 0x32);
    private static final RGB GRASS_DARK = new RGB(0x29, 0x72, 0x2d);

    private LiveSession session;
    private final LiveSession.Listener listener = s -> refresh();
    private Label line;
    private Canvas canvas;
    private final Listener keypad = this::keypad;

    @Override
    public void createPartControl(Composite parent) {
        session = PlatformUI.getWorkbench().getService(LiveSession.class);
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 2;
        c.setLayout(layout);
        line = new Label(c, SWT.WRAP); // two lines rather than cut off in a narrow view
        line.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        // NO_FOCUS: a click sets the location but leaves the focus, and the keys that report, where they were
        canvas = new Canvas(c, SWT.DOUBLE_BUFFERED | SWT.NO_FOCUS | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.MouseDown, this::clicked);
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.setCursor(canvas.getDisplay().getSystemCursor(SWT.CURSOR_CROSS));
        canvas.getDisplay().addFilter(SWT.KeyDown, keypad);
        session.addListener(listener);
        refresh();
    }

    @Override
    public void dispose() {
        session.removeListener(listener);
        if (canvas != null && !canvas.isDisposed()) {
            canvas.getDisplay().removeFilter(SWT.KeyDown, keypad);
        }
        super.dispose();
    }

    /** @return the pitch */
    public Canvas canvas() {
        return canvas;
    }

    /** @return the line above the pitch: where the next report is, or how to set it */
    public Label line() {
        return line;
    }

    /** @return the point of the canvas where a location is drawn, with the canvas's current size */
    public Point toCanvas(Location l) {
        Rectangle p = pitch(canvas.getClientArea());
        return new Point(p.x + (int) Math.round(l.x() / Location.MAX * p.width),
                p.y + (int) Math.round(l.y() / Location.MAX * p.height));
    }

    private void refresh() {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        Location next = session.nextLocation();
        String text;
        if (next != null) {
            text = "Next report at " + next + " · Esc clears";
        } else if (session.mode() == LiveSession.Mode.LIVE) {
            text = HINT;
        } else if (session.mode() == LiveSession.Mode.REVIEW) {
            text = "Where the events were";
        } else {
            text = "No match: start or join one to code where things happen";
        }
        if (!text.equals(line.getText())) {
            line.setText(text);
            line.getParent().layout();
        }
        canvas.redraw();
    }

    private void clicked(Event e) {
        if (e.button != 1 || session.mode() != LiveSession.Mode.LIVE) {
            return;
        }
        Location at = toPitch(canvas.getClientArea(), e.x, e.y);
        if (at != null) {
            session.nextLocation(at);
        }
    }

    /** Keypad 1–9 anywhere in the window (text fields excepted) sets a zone; Esc clears what is set. */
    private void keypad(Event e) {
        if (canvas.isDisposed() || session.mode() != LiveSession.Mode.LIVE || !(e.widget instanceof Control c)
                || c.getShell() != canvas.getShell() || typing(c)) {
            return;
        }
        if (e.keyCode >= SWT.KEYPAD_1 && e.keyCode <= SWT.KEYPAD_9 && (e.stateMask & SWT.MODIFIER_MASK) == 0) {
            session.nextLocation(PitchSides.zone(e.keyCode - SWT.KEYPAD_0));
            e.doit = false;
            e.type = SWT.None; // the keypad's digits are zones here, not text and not shirt numbers
        } else if (e.keyCode == SWT.ESC && session.nextLocation() != null) {
            session.nextLocation(null); // and Esc goes on to whatever else it clears
        }
    }

    private static boolean typing(Control c) {
        return c instanceof Text || c instanceof StyledText || c instanceof Spinner
                || c instanceof Combo && (c.getStyle() & SWT.READ_ONLY) == 0;
    }

    // ----------------------------------------------------------------------------------------- geometry

    /** @return the pitch's rectangle (goal line to goal line, touchline to touchline) in a client area */
    static Rectangle pitch(Rectangle area) {
        int legend = 22;
        double w = Math.max(10, area.width - 8);
        double h = Math.max(10, area.height - legend - 8);
        double scale = Math.min(w / (LENGTH + 6), h / (WIDTH + 2)); // room for the goals on either side
        int pw = (int) Math.round(LENGTH * scale);
        int ph = (int) Math.round(WIDTH * scale);
        return new Rectangle(area.x + (area.width - pw) / 2, area.y + 4 + (int) Math.round(scale), pw, ph);
    }

    /** @return the location of a point of the canvas, in whole units; {@code null} off the pitch */
    static Location toPitch(Rectangle area, int x, int y) {
        Rectangle p = pitch(area);
        int slack = 3; // a click on a line counts
        if (x < p.x - slack || x > p.x + p.width + slack || y < p.y - slack || y > p.y + p.height + slack) {
            return null;
        }
        double lx = Math.round((x - p.x) * Location.MAX / p.width);
        double ly = Math.round((y - p.y) * Location.MAX / p.height);
        return new Location(clamp(lx), clamp(ly));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(Location.MAX, v));
    }

    // ----------------------------------------------------------------------------------------- drawing

    private void paint(GC gc) {
        Display d = canvas.getDisplay();
        Rectangle area = canvas.getClientArea();
        gc.setAdvanced(true);
        gc.setAntialias(SWT.ON);
        gc.setBackground(d.getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(area);
        Rectangle p = pitch(area);
        double s = p.width / LENGTH; // pixels per metre

        Color grass = new Color(d, GRASS);
        Color stripe = new Color(d, GRASS_DARK);
        gc.setBackground(grass);
        int margin = (int) Math.round(3 * s);
        gc.fillRectangle(p.x - margin, p.y - margin / 2 - 1, p.width + 2 * margin, p.height + margin + 2);
        gc.setBackground(stripe);
        for (int i = 0; i < 10; i += 2) {
            gc.fillRectangle(p.x + p.width * i / 10, p.y, p.width / 10, p.height);
        }

        gc.setForeground(d.getSystemColor(SWT.COLOR_WHITE));
        gc.setLineWidth(Math.max(1, (int) Math.round(s * 0.2)));
        gc.drawRectangle(p);
        int mid = p.x + p.width / 2;
        gc.drawLine(mid, p.y, mid, p.y + p.height);
        int cy = p.y + p.height / 2;
        circle(gc, mid, cy, 9.15 * s);
        dot(gc, mid, cy, Math.max(2, s * 0.4), d.getSystemColor(SWT.COLOR_WHITE));
        for (boolean right : new boolean[] { false, true }) {
            box(gc, p, s, 16.5, 40.32, right);
            box(gc, p, s, 5.5, 18.32, right);
            int spot = right ? p.x + p.width - (int) Math.round(11 * s) : p.x + (int) Math.round(11 * s);
            dot(gc, spot, cy, Math.max(2, s * 0.4), d.getSystemColor(SWT.COLOR_WHITE));
            // the penalty arc: the part of the 9.15 m circle around the spot outside the box
            int r = (int) Math.round(9.15 * s);
            int angle = (int) Math.round(Math.toDegrees(Math.acos(5.5 / 9.15)));
            gc.drawArc(spot - r, cy - r, 2 * r, 2 * r, right ? 180 - angle : -angle, 2 * angle);
            // the goal, 7.32 m wide and 2 m deep behind the line
            int gw = (int) Math.round(7.32 * s);
            int gd = (int) Math.round(2 * s);
            gc.drawRectangle(right ? p.x + p.width : p.x - gd, cy - gw / 2, gd, gw);
        }

        drawEvents(gc, p);

        Location next = session.nextLocation();
        if (next != null) {
            Point at = toCanvas(next);
            int r = Math.max(6, (int) Math.round(s * 1.6));
            gc.setLineWidth(3);
            gc.setForeground(d.getSystemColor(SWT.COLOR_BLACK));
            gc.drawOval(at.x - r, at.y - r, 2 * r, 2 * r);
            gc.drawLine(at.x - 2 * r, at.y, at.x + 2 * r, at.y);
            gc.drawLine(at.x, at.y - 2 * r, at.x, at.y + 2 * r);
            gc.setLineWidth(1);
            gc.setForeground(d.getSystemColor(SWT.COLOR_YELLOW));
            gc.drawOval(at.x - r, at.y - r, 2 * r, 2 * r);
            gc.drawLine(at.x - 2 * r, at.y, at.x + 2 * r, at.y);
            gc.drawLine(at.x, at.y - 2 * r, at.x, at.y + 2 * r);
        }
        legend(gc, area, p);
        grass.dispose();
        stripe.dispose();
    }

    /** the accepted events that have a location, older ones small and faint, the latest larger and named */
    private void drawEvents(GC gc, Rectangle p) {
        Setup setup = session.setup();
        if (setup == null || session.mode() == LiveSession.Mode.IDLE) {
            return;
        }
        List<Accepted> located = new ArrayList<>();
        for (Accepted a : session.feed()) {
            if (a.event().location() != null && a.status() != Accepted.Status.RETRACTED) {
                located.add(a);
            }
        }
        located.sort(java.util.Comparator.comparing((Accepted a) -> a.event().time()));
        Display d = canvas.getDisplay();
        double s = p.width / LENGTH;
        for (int i = 0; i < located.size(); i++) {
            Accepted a = located.get(i);
            boolean recent = i >= located.size() - RECENT;
            Location drawn = PitchSides.drawn(a.event().location(), a.event().origin(), setup.origins());
            Point at = toCanvas(drawn);
            Color team = new Color(d, colour(setup.origins(), a.event().origin()));
            gc.setAlpha(recent ? 255 : 150);
            double r = recent ? Math.max(5, s * 1.2) : Math.max(3, s * 0.7);
            dot(gc, at.x, at.y, r, team);
            if (recent) {
                gc.setForeground(d.getSystemColor(SWT.COLOR_WHITE));
                gc.setLineWidth(1);
                circle(gc, at.x, at.y, r);
                String title = a.event().title();
                int tw = gc.textExtent(title).x;
                // the name beside the dot, on the side where the pitch has room for it
                int tx = at.x + r + 3 + tw <= p.x + p.width ? at.x + (int) r + 3 : at.x - (int) r - 3 - tw;
                int ty = at.y - gc.getFontMetrics().getHeight() / 2;
                gc.setForeground(d.getSystemColor(SWT.COLOR_BLACK));
                gc.drawText(title, tx + 1, ty + 1, true);
                gc.setForeground(d.getSystemColor(SWT.COLOR_WHITE));
                gc.drawText(title, tx, ty, true);
            }
            gc.setAlpha(255);
            team.dispose();
        }
    }

    private void legend(GC gc, Rectangle area, Rectangle p) {
        Setup setup = session.setup();
        if (setup == null || session.mode() == LiveSession.Mode.IDLE) {
            return;
        }
        Display d = canvas.getDisplay();
        int h = gc.getFontMetrics().getHeight();
        int y = Math.min(area.y + area.height - h - 2, p.y + p.height + (int) Math.round(p.width / LENGTH * 2) + 3);
        int x = p.x;
        for (int i = 0; i < setup.origins().size() && i < 2; i++) {
            String origin = setup.origins().get(i);
            Color team = new Color(d, colour(setup.origins(), origin));
            dot(gc, x + h / 2, y + h / 2, h / 2.5, team);
            team.dispose();
            String text = origin + (PitchSides.mirrored(origin, setup.origins()) ? " attacks ←" : " attacks →");
            gc.setForeground(d.getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            gc.drawText(text, x + h + 2, y, true);
            x += h + 2 + gc.textExtent(text).x + 16;
        }
    }

    static RGB colour(List<String> origins, String origin) {
        return TeamColours.of(origins, origin);
    }

    private static void box(GC gc, Rectangle p, double s, double depth, double width, boolean right) {
        int d = (int) Math.round(depth * s);
        int w = (int) Math.round(width * s);
        int y = p.y + (p.height - w) / 2;
        gc.drawRectangle(right ? p.x + p.width - d : p.x, y, d, w);
    }

    private static void circle(GC gc, int x, int y, double r) {
        int ri = (int) Math.round(r);
        gc.drawOval(x - ri, y - ri, 2 * ri, 2 * ri);
    }

    private static void dot(GC gc, int x, int y, double r, Color c) {
        int ri = (int) Math.round(r);
        gc.setBackground(c);
        gc.fillOval(x - ri, y - ri, 2 * ri, 2 * ri);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }
}
