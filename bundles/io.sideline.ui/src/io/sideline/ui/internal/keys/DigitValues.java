package io.sideline.ui.internal.keys;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.commands.IParameterValues;

/** The digits of a shirt number. */
public final class DigitValues implements IParameterValues {

    @Override
    public Map<String, String> getParameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (int d = 0; d <= 9; d++) {
            values.put(String.valueOf(d), String.valueOf(d));
        }
        return values;
    }
}
