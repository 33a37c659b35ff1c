package io.sideline.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.sideline.protocol.Setup;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;

/**
 * A sport made from a setup message, for a match whose sport is not installed here: its actions as the
 * host sent them, each with the first free letter of its label as its key. It scores nothing. An action
 * labelled "Period start" (or "Period end") gets the id {@value SportAction#PERIOD_START_ID}
 * ({@value SportAction#PERIOD_END_ID}), so the statistics find the match's periods.
 */
public final class SetupSport implements Sport {

    private final String id;
    private final List<SportAction> actions;

    /** @param setup the match's setup: its sport id and its actions */
    public SetupSport(Setup setup) {
        String sport = setup.sport();
        this.id = sport == null ? "unknown" : sport;
        List<SportAction> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (String label : setup.actions()) {
            String key = null;
            for (char c : label.toLowerCase(Locale.ROOT).toCharArray()) {
                if (Character.isLetterOrDigit(c) && keys.add(String.valueOf(c))) {
                    key = String.valueOf(c);
                    break;
                }
            }
            String actionId = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            if (actionId.isEmpty() || !ids.add(actionId)) {
                actionId = "action-" + n;
                ids.add(actionId);
            }
            n++;
            out.add(new SportAction(actionId, label, key, Duration.ofSeconds(30)));
        }
        this.actions = List.copyOf(out);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public List<SportAction> actions() {
        return actions;
    }
}
