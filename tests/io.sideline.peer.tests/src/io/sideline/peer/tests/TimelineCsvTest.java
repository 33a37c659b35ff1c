package io.sideline.peer.tests;

import static io.sideline.peer.tests.Messages.KICKOFF;
import static io.sideline.peer.tests.Messages.accepted;
import static io.sideline.peer.tests.Messages.confirmation;
import static io.sideline.peer.tests.Messages.first;
import static io.sideline.peer.tests.Messages.next;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sideline.peer.TimelineCsv;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Location;
import io.sideline.protocol.TimelineEvent;

/** {@link TimelineCsv}: RFC 4180 quoting, UTF-8, CRLF, and one row per event version. */
class TimelineCsvTest {

    private static final String HEADER = "id,version,seq,match_time,period,origin,action,player,votes,confidence,status,x,y";

    private static String csv(List<Accepted> messages, java.time.Instant kickoff) throws Exception {
        StringWriter w = new StringWriter();
        TimelineCsv.write(messages, kickoff, w);
        return w.toString();
    }

    @Test
    void aPlayerWithACommaAndAQuoteIsQuotedAndWrittenAsUtf8() throws Exception {
        Accepted card = accepted(1, "e-1", 1, Accepted.Status.ACCEPTED, "Yellow card", "Turkey", 34, 5,
                "Hakan \"Çalhanoğlu\", Jr.", 3, 0.75);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TimelineCsv.write(List.of(card), KICKOFF, bytes);

        String expected = HEADER + "\r\n"
                + "e-1,1,1,34:05,1,Turkey,Yellow card,\"Hakan \"\"Çalhanoğlu\"\", Jr.\",3,0.75,accepted,,\r\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), bytes.toByteArray(),
                "got: " + bytes.toString(StandardCharsets.UTF_8));
        byte[] cedilla = { (byte) 0xC3, (byte) 0x87 }; // Ç in UTF-8
        assertTrue(indexOf(bytes.toByteArray(), cedilla) > 0, "Ç is written as UTF-8");
    }

    @Test
    void fieldsWithLineBreaksAreQuotedAndLinesEndWithCrLf() throws Exception {
        Accepted a = accepted(1, "e-1", 1, Accepted.Status.ACCEPTED, "Goal", "Italy", 66, 0, "Ciro\nImmobile", 2, 1.0);
        String text = csv(List.of(a), KICKOFF);
        assertTrue(text.contains(",\"Ciro\nImmobile\","), text);
        assertEquals(2, text.split("\r\n", -1).length - 1, "two records, each ending in CRLF: " + text);
    }

    @Test
    void oneRowPerVersionConfirmationsAddVotesNotRows() throws Exception {
        Accepted goal = first(1, "e-goal", "Goal", "Italy", 53, 2);
        Accepted corner = first(2, "e-corner", "Corner", "Turkey", 55, 2);
        Accepted goal4 = confirmation(goal, 3, 4);
        Accepted ownGoal = next(goal, 4, Accepted.Status.AMENDED, new TimelineEvent("Own goal", "Turkey",
                goal.event().time()).withPlayer("Merih Demiral"));
        Accepted gone = next(corner, 5, Accepted.Status.RETRACTED, corner.event());
        Accepted ownGoal3 = confirmation(ownGoal, 6, 3);

        String text = csv(List.of(ownGoal3, gone, ownGoal, goal4, corner, goal), KICKOFF);
        List<String> lines = Arrays.asList(text.split("\r\n"));
        assertEquals(List.of(HEADER,
                "e-goal,1,1,53:00,2,Italy,Goal,,4,1.0,accepted,,",
                "e-corner,1,2,55:00,2,Turkey,Corner,,2,0.5,accepted,,",
                "e-goal,2,4,53:00,,Turkey,Own goal,Merih Demiral,3,0.75,amended,,",
                "e-corner,2,5,55:00,2,Turkey,Corner,,2,0.5,retracted,,"), lines,
                "four versions, in seq order, each with its highest votes: " + text);
    }

    @Test
    void withoutAKickOffTheMatchTimeIsEmptyAndLateEventsCountMinutesOn() throws Exception {
        Accepted late = first(1, "e-1", "Goal", "Italy", 121, 2);
        assertEquals(HEADER + "\r\ne-1,1,1,,2,Italy,Goal,,2,0.5,accepted,,\r\n", csv(List.of(late), null));
        assertTrue(csv(List.of(late), KICKOFF).contains(",121:00,"), "minutes go past 99");
        assertTrue(csv(List.of(late), KICKOFF.plusSeconds(121 * 60 + 5)).contains(",-00:05,"), "before kick-off");
        assertEquals(HEADER + "\r\n", csv(List.of(), KICKOFF), "no messages: the header alone");
    }

    @Test
    void aLocatedEventEndsItsRowWithXAndYAndTheEarlierColumnsKeepTheirPlaces() throws Exception {
        Accepted shot = first(1, "e-shot", "Shot on target", "Italy", 66, 2);
        Accepted located = located(shot, new Location(94.66, 45.125));
        Accepted corner = located(first(2, "e-corner", "Corner", "Turkey", 67, 2), new Location(100, 0));
        List<String> lines = Arrays.asList(csv(List.of(located, corner), KICKOFF).split("\r\n"));
        assertEquals(List.of(HEADER,
                "e-shot,1,1,66:00,2,Italy,Shot on target,,2,0.5,accepted,94.7,45.1",
                "e-corner,1,2,67:00,2,Turkey,Corner,,2,0.5,accepted,100,0"), lines,
                "x and y last, with one decimal at most; a reader of the columns before them finds them where they were");
        String unlocated = csv(List.of(shot), KICKOFF).split("\r\n")[1];
        assertEquals(unlocated.substring(0, unlocated.length() - 2), lines.get(1).substring(0,
                lines.get(1).length() - ",94.7,45.1".length()), "the same first eleven columns with or without a location");
        assertEquals(TimelineCsv.HEADER.subList(0, 11), List.of("id", "version", "seq", "match_time", "period", "origin",
                "action", "player", "votes", "confidence", "status"), "the columns of files written before 1.3 are unchanged");
    }

    private static Accepted located(Accepted a, Location where) {
        return new Accepted(a.time(), a.id(), a.seq(), a.version(), a.status(), a.event().withLocation(where), a.votes(),
                a.confidence(), a.reason());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
