package io.sideline.sport.api;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The sports installed in this process, as they come and go: an OSGi service every part of Sideline that
 * needs "the sport with this id" takes (the host, the workbench, the import and export commands), instead of
 * tracking {@link Sport} services itself. Thread-safe.
 */
public interface SportRegistry {

    /** @return the installed sports, sorted by name (then id) */
    List<Sport> sports();

    /**
     * @param id a sport's id, as a match's setup names it
     * @return the installed sport with this id; empty when none is installed (or {@code id} is {@code null})
     */
    Optional<Sport> find(@Nullable String id);

    /**
     * @param sports the sports, fixed
     * @return a registry of exactly these sports: for a program or test that runs without OSGi
     */
    static SportRegistry of(Sport... sports) {
        List<Sport> fixed = List.of(sports);
        return new SportRegistry() {
            @Override
            public List<Sport> sports() {
                return fixed.stream().sorted(java.util.Comparator.comparing(Sport::name).thenComparing(Sport::id))
                        .toList();
            }

            @Override
            public Optional<Sport> find(@Nullable String id) {
                return fixed.stream().filter(s -> s.id().equals(id)).findFirst();
            }
        };
    }

    /** @return the installed sports' ids, sorted, separated by ", "; "none" when there are none */
    default String ids() {
        List<String> ids = sports().stream().map(Sport::id).sorted().toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
