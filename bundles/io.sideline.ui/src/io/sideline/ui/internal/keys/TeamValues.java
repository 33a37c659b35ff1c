package io.sideline.ui.internal.keys;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.commands.IParameterValues;

/** The two teams a report key reports for: the home team (left on the palette) and the away team. */
public final class TeamValues implements IParameterValues {

    @Override
    public Map<String, String> getParameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("home team", SportKeys.HOME);
        values.put("away team", SportKeys.AWAY);
        return values;
    }
}
