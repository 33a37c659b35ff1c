package io.sideline.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a counts table: how often each origin made one action.
 *
 * @param action    the action's label, for example "Goal"
 * @param perOrigin the count per origin, in the order of {@link MatchStats#origins()}; unmodifiable
 */
public record ActionCounts(String action, Map<String, Integer> perOrigin) {

    /**
     * @param action    the action's label, not {@code null}
     * @param perOrigin the count per origin; copied, its order kept
     */
    public ActionCounts {
        Objects.requireNonNull(action, "action");
        perOrigin = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(perOrigin, "perOrigin")));
    }

    /**
     * @param origin an origin
     * @return how often it made the action; 0 if it is not in the row
     */
    public int get(String origin) {
        return perOrigin.getOrDefault(origin, 0);
    }

    /** @return how often all origins together made the action */
    public int total() {
        return perOrigin.values().stream().mapToInt(Integer::intValue).sum();
    }
}
