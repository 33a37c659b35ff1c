package io.sideline.ui.internal.keys;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.PlatformUI;

/** A digit of the shirt number the next report names: {@code 1} {@code 0} then Shift+S, an away shot by #10. */
public final class ShirtDigitHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        String digit = event.getParameter(SportKeys.PARAM_DIGIT);
        if (digit != null && digit.length() == 1 && Character.isDigit(digit.charAt(0))) {
            PlatformUI.getWorkbench().getService(ShirtNumber.class).type(digit.charAt(0) - '0');
        }
        return null;
    }
}
