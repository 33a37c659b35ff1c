package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import io.sideline.ui.internal.session.LiveSession;

/** Driving the real workbench from a test on the UI thread: waiting while events run, dialogs, screenshots. */
final class Ui {

    static final long WAIT_MS = 60_000;

    private Ui() {
    }

    static IWorkbenchWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null) {
            w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        assertNotNull(w, "the workbench has a window");
        return w;
    }

    static IWorkbenchPage page() {
        return window().getActivePage();
    }

    static LiveSession session() {
        return PlatformUI.getWorkbench().getService(LiveSession.class);
    }

    /** leaves the match, and runs the UI's events until it is closed (its servers stopped) */
    static void leave() {
        session().leave();
        until("the match left is closed", () -> org.eclipse.core.runtime.jobs.Job.getJobManager()
                .find(LiveSession.LEAVING).length == 0);
    }

    /** runs the UI's events for a while */
    static void pump(long millis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** runs the UI's events until the condition holds, failing with {@code state} after a minute */
    static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("waited " + WAIT_MS / 1000 + " s in vain until " + what + "; " + state.get());
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "status: " + session().status() + ", problem: " + session().problem());
    }

    /**
     * Opens a modal dialog and works in it: {@code interact} runs inside the dialog's own event loop once a
     * shell with this title shows, and must close it (press its OK button); {@code opener} returns then.
     */
    static void inDialog(String title, Runnable opener, java.util.function.Consumer<Shell> interact) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + WAIT_MS;
        boolean[] done = { false };
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell s : display.getShells()) {
                if (s.isVisible() && title.equals(s.getText())) {
                    done[0] = true;
                    interact.accept(s);
                    return;
                }
            }
            if (System.currentTimeMillis() < end) {
                display.timerExec(50, poll[0]);
            }
        };
        display.timerExec(50, poll[0]);
        opener.run();
        if (!done[0]) {
            throw new AssertionError("the dialog \"" + title + "\" did not open");
        }
    }

    /** @return the n-th text field of a dialog, in creation order */
    static Text text(Composite root, int n) {
        int[] i = { 0 };
        Text[] found = new Text[1];
        walk(root, c -> {
            if (c instanceof Text t && found[0] == null && i[0]++ == n) {
                found[0] = t;
            }
        });
        assertNotNull(found[0], "text field " + n);
        return found[0];
    }

    /** @return the button with this text (mnemonics ignored) */
    static Button button(Composite root, String label) {
        Button[] found = new Button[1];
        walk(root, c -> {
            if (c instanceof Button b && b.getText().replace("&", "").equals(label)) {
                found[0] = b;
            }
        });
        assertNotNull(found[0], "a button \"" + label + "\"");
        return found[0];
    }

    static void click(Button b) {
        if ((b.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
            b.setSelection(!b.getSelection());
        }
        b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    static void walk(Control c, java.util.function.Consumer<Control> visit) {
        visit.accept(c);
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                walk(child, visit);
            }
        }
    }

    /**
     * Starts a local football match of two teams, quorum 1, in the Live perspective of a big window, as File › Local
     * Match… does, and waits until the palette shows it.
     *
     * @return the palette
     */
    static io.sideline.ui.internal.views.PaletteView localMatch(String name, java.util.List<String> teams, Path dir)
            throws Exception {
        bigWindow();
        PlatformUI.getWorkbench().showPerspective(io.sideline.ui.SidelineUi.PERSPECTIVE_LIVE, window());
        io.sideline.ui.internal.session.LiveSession session = session();
        session.startLocal(name, session.sport("football"), teams, io.sideline.lookup.QuorumPolicy.SOLO, dir);
        var palette = (io.sideline.ui.internal.views.PaletteView) page().showView(io.sideline.ui.SidelineUi.VIEW_PALETTE);
        until("the palette shows the match", () -> palette.buttons().containsKey(
                new io.sideline.ui.internal.views.PaletteView.Binding("Goal", teams.get(0), 'g', false)));
        return palette;
    }

    /** saves what the shell shows to target/screenshots/NAME */
    static Path screenshot(Shell shell, String name) throws Exception {
        pump(300);
        return screenshot(shell.getDisplay(), shell.getBounds(), name);
    }

    /** saves what a control shows to target/screenshots/NAME */
    static Path screenshot(org.eclipse.swt.widgets.Control c, String name) throws Exception {
        pump(300);
        return screenshot(c.getDisplay(), c.getDisplay().map(c.getParent(), null, c.getBounds()), name);
    }

    private static Path screenshot(Display display, Rectangle bounds, String name) throws Exception {
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("sideline.test.output", "target"), "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { image.getImageData() };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }

    /** @return how many colours an image has, sampled: a drawn window has many, a blank one a few */
    static int colours(Path png) {
        ImageData data = new ImageLoader().load(png.toString())[0];
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 4) {
            for (int x = 0; x < data.width; x += 4) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }

    static void bigWindow() {
        Shell shell = window().getShell();
        shell.setSize(1440, 900);
        shell.setLocation(0, 0);
        shell.forceActive();
        pump(300);
    }
}
