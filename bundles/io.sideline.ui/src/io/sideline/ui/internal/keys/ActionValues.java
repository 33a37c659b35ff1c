package io.sideline.ui.internal.keys;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.commands.IParameterValues;
import org.eclipse.ui.PlatformUI;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.ui.internal.session.LiveSession;

/** The actions a report key may stand for: every installed sport's, and the open match's, by label. */
public final class ActionValues implements IParameterValues {

    @Override
    public Map<String, String> getParameterValues() {
        Map<String, String> values = new TreeMap<>();
        LiveSession session = PlatformUI.getWorkbench().getService(LiveSession.class);
        if (session == null) {
            return values;
        }
        for (Sport sport : session.sports()) {
            sport.actions().forEach(a -> values.put(a.label(), a.label()));
        }
        Sport open = session.matchSport();
        if (open != null) {
            open.actions().stream().map(SportAction::label).forEach(l -> values.put(l, l));
        }
        return values;
    }
}
