package io.sideline.ui.internal.keys;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;

import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.session.PitchSides;

/**
 * A digit of the shirt number the next report names: {@code 1} {@code 0} then Shift+S, an away shot by #10. The
 * numeric keypad's digits carry the same characters, and Eclipse's key bindings match them on the character: a
 * keypad digit is a zone of the pitch instead (keypad 1–9, see {@link PitchSides}), so the keys above the letters
 * name players and the keypad says where.
 */
public final class ShirtDigitHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (event.getTrigger() instanceof Event key && key.keyCode >= SWT.KEYPAD_0 && key.keyCode <= SWT.KEYPAD_9) {
            if (key.keyCode != SWT.KEYPAD_0) {
                PlatformUI.getWorkbench().getService(LiveSession.class)
                        .nextLocation(PitchSides.zone(key.keyCode - SWT.KEYPAD_0));
            }
            return null;
        }
        String digit = event.getParameter(SportKeys.PARAM_DIGIT);
        if (digit != null && digit.length() == 1 && Character.isDigit(digit.charAt(0))) {
            PlatformUI.getWorkbench().getService(ShirtNumber.class).type(digit.charAt(0) - '0');
        }
        return null;
    }
}
