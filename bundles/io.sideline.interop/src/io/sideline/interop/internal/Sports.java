package io.sideline.interop.internal;

import java.util.List;

import io.sideline.sport.api.Sport;

/** The installed sports, as the commands see them. */
final class Sports {

    private Sports() {
    }

    /** @return the installed sport with this id, or {@code null} */
    static Sport find(List<Sport> installed, String id) {
        if (installed == null || id == null) {
            return null;
        }
        for (Sport s : installed) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
