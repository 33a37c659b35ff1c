package io.sideline.interop.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Accepted.Status;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;

/** The real files, and a small match as Sideline records one. */
final class Fixtures {

    static final Path ROOT = Path.of(System.getProperty("sideline.root"));
    static final Path SPORTSCODE_SAMPLE = ROOT.resolve("examples/data/sportscode/code_xml_sample.xml");
    static final Path STATSBOMB_EVENTS = ROOT.resolve("examples/data/statsbomb/3788741_events.json");
    /** Turkey – Italy, UEFA Euro 2020, Rome */
    static final Instant EURO_KICKOFF = Instant.parse("2021-06-11T19:00:00Z");

    /** the recorded match's first event: its kick-off */
    static final Instant T0 = Instant.parse("2024-05-01T15:00:00Z");
    static final String HENKIE = "Henkie, \"the\" team";
    static final String AJAX = "Ajax";

    private Fixtures() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /**
     * A match as the host records it: a kick-off; a corner first given to Ajax, then amended to Henkie; a foul
     * that was retracted; a goal with a player and qualifiers, confirmed once more with 3 votes.
     */
    static SavedMatch recorded() {
        Setup setup = new Setup(List.of(HENKIE, AJAX), List.of("Period start", "Goal", "Corner", "Foul"), "recorded",
                "Recorded", "football", null);
        TimelineEvent kickoff = new TimelineEvent("Period start", HENKIE, T0, null, 1, 0L, Map.of());
        TimelineEvent corner = new TimelineEvent("Corner", AJAX, T0.plusSeconds(30), null, 1, 30_000L, Map.of());
        TimelineEvent cornerAmended = new TimelineEvent("Corner", HENKIE, T0.plusSeconds(31), null, 1, 31_000L, Map.of());
        TimelineEvent foul = new TimelineEvent("Foul", HENKIE, T0.plusSeconds(45), null, 1, 45_000L, Map.of());
        TimelineEvent goal = new TimelineEvent("Goal", HENKIE, T0.plusSeconds(90), "Klaas Nøme", 1, 90_000L,
                qualifiers("Body part", "Head", "Assist", "Piet"));
        return new SavedMatch(setup, List.of(
                accepted("kickoff", 1, 1, Status.ACCEPTED, kickoff, 2, 1.0),
                accepted("c1", 2, 1, Status.ACCEPTED, corner, 2, 0.75),
                accepted("f1", 3, 1, Status.ACCEPTED, foul, 2, 0.75),
                accepted("g1", 4, 1, Status.ACCEPTED, goal, 2, 0.75),
                accepted("c1", 5, 2, Status.AMENDED, cornerAmended, 2, 0.75),
                accepted("f1", 6, 2, Status.RETRACTED, foul, 2, 0.75),
                accepted("g1", 7, 1, Status.ACCEPTED, goal, 3, 0.9)));
    }

    /** @return the qualifiers, in the order given: name, value, name, value… */
    static Map<String, String> qualifiers(String... nameValue) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            q.put(nameValue[i], nameValue[i + 1]);
        }
        return q;
    }

    private static Accepted accepted(String id, long seq, int version, Status status, TimelineEvent e, int votes,
            double confidence) {
        return new Accepted(e.time().plusSeconds(seq), id, seq, version, status, e, votes, confidence, null);
    }
}
