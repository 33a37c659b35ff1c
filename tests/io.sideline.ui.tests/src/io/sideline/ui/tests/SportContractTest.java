package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.sideline.cli.Command;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.Qualifier;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.stats.MatchStats;

/**
 * The contract every installed sport keeps, checked against each Sport service of the running product
 * (ours and any plugin's): ids unique, keys unique, every action reachable from the keyboard, score rules
 * consistent. And sports come and go with their bundles while the product runs.
 */
class SportContractTest {

    private static BundleContext context() {
        return FrameworkUtil.getBundle(SportContractTest.class).getBundleContext();
    }

    private static List<Sport> installed() throws Exception {
        List<Sport> out = new ArrayList<>();
        for (ServiceReference<Sport> r : context().getServiceReferences(Sport.class, null)) {
            out.add(context().getService(r));
        }
        return out;
    }

    @Test
    void footballBasketballAndIceHockeyAreInstalledWithUniqueIds() throws Exception {
        List<String> ids = installed().stream().map(Sport::id).toList();
        assertTrue(ids.containsAll(List.of("football", "basketball", "ice-hockey", "handball")),
                "the Java sports and handball, a sport file in a bundle: " + ids);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "sport ids are unique: " + ids);
    }

    @TestFactory
    Stream<DynamicTest> everyInstalledSportKeepsTheContract() throws Exception {
        return installed().stream().map(s -> DynamicTest.dynamicTest(s.id(), () -> contract(s)));
    }

    static void contract(Sport s) {
        String who = s.id() + ": ";
        assertTrue(s.id().matches("[a-z0-9][a-z0-9._-]{0,63}"), who + "id");
        assertFalse(s.name().isBlank(), who + "name");
        assertFalse(s.actions().isEmpty(), who + "actions");
        Set<String> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (SportAction a : s.actions()) {
            assertTrue(ids.add(a.id()), who + "action id " + a.id() + " appears twice");
            assertTrue(labels.add(a.label()), who + "label " + a.label() + " appears twice");
            assertNotNull(a.hotkey(), who + a.label() + " has no key: a keyboard-only analyst cannot reach it");
            assertTrue(a.hotkey().length() == 1 && Character.isLetterOrDigit(a.hotkey().charAt(0)),
                    who + a.label() + "'s key is one letter or digit: " + a.hotkey());
            assertTrue(keys.add(a.hotkey().toLowerCase(Locale.ROOT)), who + "key " + a.hotkey() + " is used twice");
            Set<String> qualifiers = new HashSet<>();
            for (Qualifier q : a.qualifiers()) {
                assertTrue(qualifiers.add(q.id()), who + a.label() + " has qualifier " + q.id() + " twice");
            }
        }
        assertTrue(labels.containsAll(s.exclusiveActions()), who + "exclusive actions are actions");
        assertTrue(labels.containsAll(s.keyActions()), who + "key actions are actions");
        assertTrue(s.defaultOrigins().size() >= 2 && new HashSet<>(s.defaultOrigins()).size() == s.defaultOrigins().size(),
                who + "two or more distinct default origins");
        assertTrue(s.periods() >= 1, who + "periods");
        for (int p = 1; p <= s.periods() + 1; p++) {
            assertFalse(s.periodName(p).isBlank(), who + "period " + p + " has a name");
            assertTrue(s.periodLength(p) == null || !s.periodLength(p).isNegative() && !s.periodLength(p).isZero(),
                    who + "period " + p + " has a positive length or none");
        }

        // the score follows from the actions: each scoring action scores its points for its side (or the other)
        boolean scores = false;
        for (SportAction a : s.actions()) {
            int points = s.points(a.label());
            assertTrue(points >= 0, who + a.label() + " scores " + points);
            assertTrue(!s.pointsToOpponent(a.label()) || points > 0, who + a.label() + " gives nothing to the opponent");
            if (points == 0) {
                continue;
            }
            scores = true;
            List<String> origins = s.defaultOrigins();
            MatchStats stats = new MatchStats(s, origins, Instant.parse("2026-01-01T12:00:00Z"));
            stats.apply(new Accepted(Instant.parse("2026-01-01T12:05:00Z"), "e1", 1, 1, Accepted.Status.ACCEPTED,
                    new TimelineEvent(a.label(), origins.get(0), Instant.parse("2026-01-01T12:04:00Z")), 2, 1, null));
            Map<String, Integer> score = stats.score();
            String scorer = s.pointsToOpponent(a.label()) ? origins.get(1) : origins.get(0);
            assertEquals(points, score.get(scorer), who + a.label() + " scores " + points + " for " + scorer);
            assertEquals(points, score.values().stream().mapToInt(Integer::intValue).sum(), who + "and nothing else");
        }
        assertTrue(scores, who + "some action scores");
    }

    @Test
    void stoppingASportsBundleRemovesTheSportAndStartingItBringsItBack() throws Exception {
        Bundle basketball = null;
        for (Bundle b : context().getBundles()) {
            if (b.getSymbolicName().equals("io.sideline.sport.basketball")) {
                basketball = b;
            }
        }
        assertNotNull(basketball, "the basketball bundle is installed");
        Bundle bundle = basketball;
        Command host = hostCommand();
        try {
            bundle.stop();
            Ui.until("the workbench no longer offers basketball", () -> Ui.session().sport("basketball") == null);
            assertFalse(host.usage().contains("basketball"), "nor does ./sideline host: " + host.usage());
            assertNotNull(Ui.session().sport("football"), "the other sports stay");
        } finally {
            bundle.start();
        }
        Ui.until("basketball is back", () -> Ui.session().sport("basketball") != null);
        assertTrue(host.usage().contains("basketball"), "./sideline host offers it again");
        contract(Ui.session().sport("basketball"));
    }

    private static Command hostCommand() throws Exception {
        return command("host");
    }

    @Test
    void aSportFileDroppedIntoTheSportsFolderIsInstalledABadOneIsReportedAndTheOthersKeepWorking() throws Exception {
        io.sideline.sport.declarative.internal.DeclarativeSports declarative = context().getService(
                context().getServiceReference(io.sideline.sport.declarative.internal.DeclarativeSports.class));
        java.nio.file.Path folder = declarative.folder();
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Path curling = folder.resolve("curling.json");
        java.nio.file.Path broken = folder.resolve("broken.json");
        Command sports = command("sports");
        try {
            java.nio.file.Files.writeString(curling, """
                    {
                      "sideline-sport": 1,
                      "id": "curling",
                      "name": "Curling",
                      "actions": [
                        { "id": "point", "label": "Point", "key": "p", "window": 30, "points": 1 },
                        { "id": "hammer", "label": "Hammer", "key": "h", "window": 30 }
                      ]
                    }
                    """);
            java.nio.file.Files.writeString(broken, "{\n  \"sideline-sport\": 1,\n  \"id\": \"bad\",\n  \"name\": 7\n}\n");
            Ui.until("curling is installed from the folder", () -> Ui.session().sport("curling") != null);
            contract(Ui.session().sport("curling"));
            Ui.until("the broken file is reported", () -> declarative.problems().containsKey(broken.toString()));
            assertEquals("broken.json:4: name: must be a text that is not empty", declarative.problems().get(broken.toString()));

            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int exit = sports.run(List.of(), new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                    System.err);
            String listing = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(Command.EXIT_FAILURE, exit, "a problem makes ./sideline sports exit 1");
            assertTrue(listing.contains("curling") && listing.contains("handball") && listing.contains("football"),
                    listing);
            assertTrue(listing.contains("not installed: broken.json:4: name: must be a text that is not empty"), listing);
            assertTrue(Ui.session().sport("football") != null, "the other sports keep working");
        } finally {
            java.nio.file.Files.deleteIfExists(curling);
            java.nio.file.Files.deleteIfExists(broken);
        }
        declarative.rescan();
        Ui.until("a removed file's sport goes away", () -> Ui.session().sport("curling") == null);
        assertTrue(declarative.problems().isEmpty(), "and its problem with it: " + declarative.problems());
    }

    private static Command command(String name) throws Exception {
        for (ServiceReference<Command> r : context().getServiceReferences(Command.class, null)) {
            Command c = context().getService(r);
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("the " + name + " command is installed");
    }
}
