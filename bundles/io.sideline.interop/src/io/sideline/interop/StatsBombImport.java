package io.sideline.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.football.Football;
import io.sideline.statsbomb.MatchEvent;
import io.sideline.statsbomb.StatsBombMatch;

/**
 * A StatsBomb events file as a Sideline football match, for review. The events are mapped by
 * {@link StatsBombMatch}, the one mapping the replay simulator uses too: every mapped event becomes an accepted
 * event with its team, player, period, match clock and location (StatsBomb's 120 × 80 {@code location} on
 * Sideline's 0–100 pitch, see {@link StatsBombMatch}). Its id is {@code sb-} and the StatsBomb event's id (a foul
 * that earned a card gives two events: the card's id ends in {@code -2}).
 */
public final class StatsBombImport {

    private StatsBombImport() {
    }

    /**
     * @param file     a StatsBomb events file
     * @param options  the kick-off; the sport is football whatever the options say
     * @param progress told the events converted
     * @return the match, named "Home – Away"
     * @throws IOException if the file cannot be read or is not a StatsBomb events file; the message names the
     *                     file and the event
     */
    public static SavedMatch read(Path file, ImportOptions options, Progress progress) throws IOException {
        StatsBombMatch m = StatsBombMatch.read(file, options.kickoff());
        progress.checkCanceled();
        ProtocolCodec codec = ProtocolCodec.standard();
        List<Accepted> messages = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        long seq = 0;
        for (MatchEvent e : m.events()) {
            int n = uses.merge(e.sourceId(), 1, Integer::sum);
            String id = "sb-" + e.sourceId() + (n == 1 ? "" : "-" + n);
            TimelineEvent event = new TimelineEvent(e.title(), e.origin(), e.time(), e.player(), e.period(),
                    e.clock().toMillis(), Map.of(), e.location());
            Accepted a = new Accepted(e.time(), id, ++seq, 1, Accepted.Status.ACCEPTED, event, 1, 1.0, null);
            try {
                codec.decode(codec.encode(a));
            } catch (ProtocolException x) {
                throw new InteropException(file, 0, "event " + e.sourceId() + ": cannot be a Sideline event: "
                        + x.getMessage());
            }
            messages.add(a);
            if (seq % 256 == 0) {
                progress.worked(seq, m.events().size());
                progress.checkCanceled();
            }
        }
        progress.worked(seq, seq);
        List<String> actions = new Football().actions().stream().map(SportAction::label).toList();
        String name = m.home() + " – " + m.away();
        Setup setup = new Setup(List.of(m.home(), m.away()), actions, Interop.matchId("statsbomb", Interop.baseName(file)),
                name, Football.ID, null);
        return new SavedMatch(setup, messages);
    }
}
