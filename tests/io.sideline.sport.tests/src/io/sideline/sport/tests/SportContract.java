package io.sideline.sport.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;

/** The sport contract, for sports built in this test bundle (the workbench tests check every installed one). */
final class SportContract {

    private SportContract() {
    }

    static void check(Sport s) {
        String who = s.id() + ": ";
        assertFalse(s.name().isBlank(), who + "name");
        Set<String> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        Set<String> keys = new HashSet<>();
        boolean scores = false;
        for (SportAction a : s.actions()) {
            assertTrue(ids.add(a.id()), who + "id " + a.id());
            assertTrue(labels.add(a.label()), who + "label " + a.label());
            assertNotNull(a.hotkey(), who + a.label() + " has a key");
            assertTrue(keys.add(a.hotkey().toLowerCase(Locale.ROOT)), who + "key " + a.hotkey() + " once");
            assertTrue(s.points(a.label()) >= 0, who + "points");
            scores |= s.points(a.label()) > 0;
        }
        assertTrue(labels.containsAll(s.exclusiveActions()), who + "exclusive actions exist");
        assertTrue(labels.containsAll(s.keyActions()), who + "key actions exist");
        assertTrue(scores, who + "something scores");
    }
}
