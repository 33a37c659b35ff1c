package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Setup;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * A client with a bug is told what is wrong, in the error's code and field, and only it is told; its
 * connection survives, so its next good report counts; the other peers notice nothing.
 */
class BadInputTest {

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    HostFixture f;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana", "ben");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @BeforeEach
    void host() throws Exception {
        f = HostFixture.start(lookup, journal, b -> { });
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static Stream<Arguments> badMessages() {
        String report = Wire.report("TOKEN", "Goal", "Italy", at(1));
        String accepted = "{\"type\": \"accepted\", \"time\": 1623441120000, \"id\": \"e1\", \"seq\": 1, \"version\": 1,"
                + " \"status\": \"accepted\", \"event\": {\"type\": \"event\", \"title\": \"Goal\", \"origin\": \"Italy\","
                + " \"time\": 1623441120000}, \"votes\": 9, \"confidence\": 1.0}";
        return Stream.of(
                bad("malformed JSON", t -> "{\"type\": \"event\", \"time\": 1623441120000, \"token\": ", "malformed_json", null),
                bad("an unknown type", t -> "{\"type\": \"touchdown\", \"token\": \"" + t + "\"}", "unknown_type", "type"),
                bad("a missing origin", t -> report.replace("TOKEN", t).replace("\"origin\":\"Italy\",", ""),
                        "missing_field", "event.origin"),
                bad("a missing token", t -> report.replace("\"token\":\"TOKEN\",", ""), "missing_field", "token"),
                bad("a time that is a boolean", t -> report.replace("TOKEN", t).replace("\"time\":" + at(1), "\"time\":true"),
                        "wrong_type", "event.time"),
                bad("a time in seconds", t -> report.replace("TOKEN", t).replace("\"time\":" + at(1),
                        "\"time\":" + at(1) / 1000), "out_of_range", "event.time"),
                bad("65 KiB", t -> Wire.with(report.replace("TOKEN", t), "padding", "x".repeat(65 * 1024)),
                        "message_too_large", null),
                bad("a setup", t -> "{\"type\": \"setup\", \"origins\": [\"A\", \"B\"], \"actions\": [\"Goal\"]}",
                        "invalid_value", "type"),
                bad("an accepted event", t -> accepted, "invalid_value", "type"),
                bad("another hello", t -> Wire.hello(t, 0), "invalid_value", null));
    }

    private static Arguments bad(String name, UnaryOperator<String> message, String code, String field) {
        return Arguments.of(name, message, code, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void aBadMessageIsAnsweredToItsSenderAloneAndTheConnectionGoesOn(String name, UnaryOperator<String> message,
            String code, String field) throws Exception {
        Peer ana = Peer.join(f, "ana");
        Peer ben = Peer.join(f, "ben");

        ana.send(message.apply(f.token("ana")));
        ErrorMessage error = ana.next(ErrorMessage.class);
        assertEquals(code, error.code(), "the code of the error for " + name + ": " + error);
        assertEquals(field, error.field(), "the field the error names: " + error);
        assertFalse(error.message().isBlank());

        Peer.report(f, ana, "ana", "Corner", "Turkey", at(2));
        Accepted a = ana.next(Accepted.class);
        assertEquals(1, a.seq(), "the bad message made no event; the good one that followed did");
        assertEquals("Corner", a.event().title());
        assertEquals(a, ben.next(Accepted.class));
        assertEquals(1, Peer.settle(f, ana));
        assertFalse(ana.closed.isDone(), "the connection stays open");
        assertEquals(1, ana.received(ErrorMessage.class).size(), "one error: " + ana.texts());
        assertTrue(ben.received(ErrorMessage.class).isEmpty(), "the other peer hears nothing of it: " + ben.texts());
        assertEquals(List.of(a), ben.received(Accepted.class), "and receives only the good event");
    }

    @Test
    void aMalformedFirstMessageIsAnsweredAndThePeerCanStillIdentify() throws Exception {
        Peer ana = Peer.connect(f);
        ana.send("{\"type\": \"hello\", \"token\": ");
        ErrorMessage error = ana.next(ErrorMessage.class);
        assertEquals("malformed_json", error.code());
        assertFalse(ana.closed.isDone());

        ana.send(Wire.hello(f.token("ana"), 0));
        ana.next(Setup.class);
        Peer.report(f, ana, "ana", "Save", "Italy", at(3));
        assertEquals(1, ana.next(Accepted.class).seq());
    }
}
