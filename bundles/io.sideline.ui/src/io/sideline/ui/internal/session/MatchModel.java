package io.sideline.ui.internal.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.sideline.peer.SavedMatch;
import io.sideline.peer.Timeline;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportRegistry;
import io.sideline.stats.MatchStats;
import io.sideline.stats.SetupSport;

/**
 * The match as the views show it: what it is, its timeline and statistics, and a line on its state.
 * <b>UI thread only</b>: every read and every change happens there ({@link LiveSession} hands the client's
 * callbacks over); a Job that needs the match takes a {@link MatchSnapshot} first.
 */
final class MatchModel {

    private LiveSession.Mode mode = LiveSession.Mode.IDLE;
    private String title;
    private Setup setup;
    private Sport sport;
    private MatchStats stats;
    private Timeline timeline = new Timeline();
    private String status = "Not connected";
    private String problem;
    private Path reviewFile;
    /** the statistics hold every message up to this seq */
    private long appliedSeq;

    LiveSession.Mode mode() {
        return mode;
    }

    String title() {
        return title;
    }

    Setup setup() {
        return setup;
    }

    Sport sport() {
        return sport;
    }

    MatchStats stats() {
        return stats;
    }

    Timeline timeline() {
        return timeline;
    }

    String status() {
        return status;
    }

    String problem() {
        return problem;
    }

    Path reviewFile() {
        return reviewFile;
    }

    /** @return the current version of each event, in match time order */
    List<Accepted> feed() {
        List<Accepted> out = new ArrayList<>(timeline.latest());
        out.sort(Comparator.comparing((Accepted a) -> a.event().time()).thenComparingLong(Accepted::seq));
        return out;
    }

    /** @return the match as it stands, for a Job to save or export */
    MatchSnapshot snapshot() {
        if (setup == null) {
            throw new IllegalStateException("There is no match yet: start, join or open one first");
        }
        return new MatchSnapshot(title, setup, sport, timeline.all());
    }

    /** a live match begins: its setup comes from the host */
    void live(String name, Sport s, Timeline t, String hostUrl) {
        mode = LiveSession.Mode.LIVE;
        title = name;
        setup = null;
        sport = s;
        timeline = t;
        stats = null;
        problem = null;
        reviewFile = null;
        status = "Connecting to " + hostUrl + " …";
    }

    /** a saved match opens for review */
    void review(SavedMatch saved, Timeline t, Path file, SportRegistry sports) {
        mode = LiveSession.Mode.REVIEW;
        setup = saved.setup();
        sport = sportOf(setup, sports);
        title = setup.name() != null ? setup.name() : file.getFileName().toString();
        timeline = t;
        stats = new MatchStats(sport, setup.origins(), null);
        appliedSeq = 0;
        problem = null;
        reviewFile = file;
        status = "Review of " + file.getFileName() + " · " + t.latest().size() + " events";
    }

    /** the host sent the match's setup */
    void setupReceived(Setup s, SportRegistry sports) {
        setup = s;
        if (sport == null || !sport.id().equals(s.sport())) {
            sport = sportOf(s, sports);
        }
        if (s.name() != null) {
            title = s.name();
        }
        if (stats == null) {
            stats = new MatchStats(sport, s.origins(), null);
            appliedSeq = 0;
        }
    }

    /** @return the installed sport the setup names, or a plain one made from the setup */
    private static Sport sportOf(Setup s, SportRegistry sports) {
        return sports.find(s.sport()).orElseGet(() -> new SetupSport(s));
    }

    void status(String value) {
        status = value;
    }

    void problem(String value) {
        problem = value;
    }

    /** no match any more */
    void idle(String statusLine) {
        mode = LiveSession.Mode.IDLE;
        title = null;
        setup = null;
        stats = null;
        timeline = new Timeline();
        problem = null;
        reviewFile = null;
        status = statusLine;
    }

    /** applies to the statistics what arrived since the last time, up to the timeline's first gap */
    void applyNew() {
        MatchStats st = stats;
        if (st == null) {
            return;
        }
        long upTo = timeline.contiguousSeq();
        if (upTo <= appliedSeq) {
            return;
        }
        for (Accepted a : timeline.all()) {
            if (a.seq() > appliedSeq && a.seq() <= upTo) {
                st.apply(a);
            }
        }
        appliedSeq = upTo;
    }
}
