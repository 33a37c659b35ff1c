package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * An analyst's keyboard: real key events posted to the display (X11's XTEST under Xvfb), so they go through
 * everything a key press goes through, Eclipse's key bindings first. Counts the keystrokes: a key with its
 * modifiers (Shift+S) is one.
 */
final class Keyboard {

    private int strokes;

    /** @return the keystrokes posted so far */
    int strokes() {
        return strokes;
    }

    /** Gives a control the keyboard focus, as a click would: its window active, then the control. */
    static void focus(Control c) {
        Shell shell = c.getShell();
        shell.forceActive();
        Ui.pump(100);
        assertTrue(c.forceFocus(), "the control takes the focus: " + c);
        Ui.until("the control has the focus", () -> c.getDisplay().getFocusControl() == c,
                () -> "focus is on " + c.getDisplay().getFocusControl());
    }

    /** Types a key: a letter or a digit, lower case. */
    Keyboard type(char key) {
        return stroke(0, key);
    }

    /** Shift and a key: Shift+S. */
    Keyboard shift(char key) {
        return stroke(SWT.SHIFT, key);
    }

    /** Ctrl and a key: Ctrl+Z. */
    Keyboard ctrl(char key) {
        return stroke(SWT.CTRL, key);
    }

    /** A key with no character: SWT.ESC, SWT.F2. */
    Keyboard special(int keyCode) {
        Display d = Display.getCurrent();
        post(d, SWT.KeyDown, keyCode, (char) 0);
        post(d, SWT.KeyUp, keyCode, (char) 0);
        strokes++;
        Ui.pump(150);
        return this;
    }

    private Keyboard stroke(int modifier, char key) {
        Display d = Display.getCurrent();
        if (modifier != 0) {
            post(d, SWT.KeyDown, modifier, (char) 0);
        }
        post(d, SWT.KeyDown, 0, key);
        post(d, SWT.KeyUp, 0, key);
        if (modifier != 0) {
            post(d, SWT.KeyUp, modifier, (char) 0);
        }
        strokes++;
        Ui.pump(150); // lets the display read what the X server sends back
        return this;
    }

    private static void post(Display d, int type, int keyCode, char character) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = character;
        assertTrue(d.post(e), "the display takes the key event");
    }
}
