package io.sideline.voting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.sideline.protocol.Location;

import org.jspecify.annotations.Nullable;

/**
 * Turns reports into accepted events by vote; {@code docs/voting.md} describes the algorithm.
 * <p>
 * In short: reports of the same title and origin whose times fall within the title's window form one
 * candidate, each identity counting once. A candidate is accepted when it has at least {@code minVotes}
 * distinct reporters and their weight is at least {@code fraction} of the weight of all active reporters;
 * its time is the median of the reported times. Later matching reports confirm it and never duplicate it.
 * Only titles the sport declares exclusive ({@link VotingRules#exclusive()}: a goal, a period start) conflict:
 * candidates of such a title with another origin and an overlapping time conflict, the heavier wins and the
 * other is rejected; a candidate that conflicts with an event already accepted is rejected too, since only a
 * voted correction changes an accepted event. Every other title is never in conflict (a foul and the
 * retaliation are two events). A rejection says why in words, and names each reporter's report by its ref.
 * The accepted event carries the player most of its supporters named (and that share) and the median of the
 * locations they reported. Corrections are voted the same way and make new versions.
 * Reporters whose reports are accepted gain weight; those whose reports are rejected or retracted lose it,
 * within bounds.
 * <p>
 * Not thread-safe: call it from one thread (the host's voting thread). Time comes from the reports'
 * receive times and from the injected clock, so a replay can run it on a virtual clock.
 */
public final class VotingEngine {

    private static final int KEEP_REJECTED = 1000;

    private final VotingRules rules;
    private final Clock clock;
    private final Map<String, Double> weights = new HashMap<>();
    private final Map<String, Instant> lastActive = new HashMap<>();
    private final List<Candidate> pending = new ArrayList<>();
    private final Map<String, Standing> accepted = new LinkedHashMap<>();
    private final TimeIndex index = new TimeIndex();
    private long acceptedCount;
    private final List<CorrectionCandidate> corrections = new ArrayList<>();
    private final Deque<Decision.Reject> rejected = new ArrayDeque<>();
    private long nextId = 1;

    /** @param rules the vote's parameters; @param clock the clock of decisions and expiries */
    public VotingEngine(VotingRules rules, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the rules */
    public VotingRules rules() {
        return rules;
    }

    // ------------------------------------------------------------------------------------- the state

    /** Reports of one title and origin, not yet decided. */
    private static final class Candidate {
        final String title;
        final String origin;
        final Map<String, Instant> times = new LinkedHashMap<>();
        final Map<String, String> playerOf = new HashMap<>();
        final Map<String, Location> locations = new LinkedHashMap<>();
        final Map<String, String> refs = new LinkedHashMap<>();
        final Instant firstReceived;
        /** the active reporters' weight when the candidate began: quiet spells (a break) cannot lower its bar */
        final double electorate;
        Map<String, String> qualifiers = Map.of();

        Candidate(String title, String origin, Instant firstReceived, double electorate) {
            this.title = title;
            this.origin = origin;
            this.firstReceived = firstReceived;
            this.electorate = electorate;
        }

        Instant median() {
            return VotingEngine.median(new ArrayList<>(times.values()));
        }
    }

    /** An accepted event: its latest version and who supported it. */
    private static final class Standing {
        AcceptedEvent latest;
        final Map<String, Instant> supporters = new LinkedHashMap<>();
        int votesAtLastVersion;
        /** the order of acceptance: ties between equally near events go to the older */
        final long order;

        Standing(AcceptedEvent latest, long order) {
            this.latest = latest;
            this.votesAtLastVersion = latest.votes();
            this.order = order;
        }
    }

    /**
     * The standing accepted events by title and event time, so that finding the ones near a report costs a
     * lookup in a sorted map, not a pass over the whole match (which made a long match slow to vote on).
     */
    private static final class TimeIndex {
        private final Map<String, TreeMap<Long, List<Standing>>> byTitle = new HashMap<>();

        void add(Standing s) {
            AcceptedEvent e = s.latest;
            byTitle.computeIfAbsent(e.title(), t -> new TreeMap<>())
                    .computeIfAbsent(e.eventTime().toEpochMilli(), t -> new ArrayList<>(1)).add(s);
        }

        /** removes the standing as its latest version places it; call before changing that version */
        void remove(Standing s) {
            AcceptedEvent e = s.latest;
            TreeMap<Long, List<Standing>> times = byTitle.get(e.title());
            if (times == null) {
                return;
            }
            long t = e.eventTime().toEpochMilli();
            List<Standing> at = times.get(t);
            if (at != null && at.remove(s) && at.isEmpty()) {
                times.remove(t);
            }
        }

        /** @return the standings of this title whose event time is within the window of that time */
        List<Standing> near(String title, Instant time, Duration window) {
            TreeMap<Long, List<Standing>> times = byTitle.get(title);
            if (times == null) {
                return List.of();
            }
            long t = time.toEpochMilli();
            long w = window.toMillis();
            List<Standing> out = new ArrayList<>();
            for (List<Standing> at : times.subMap(t - w, true, t + w, true).values()) {
                out.addAll(at);
            }
            return out;
        }
    }

    /** Corrections of one event that ask for the same thing. */
    private static final class CorrectionCandidate {
        final String target;
        final boolean retract;
        /** for an amendment: the new title and origin; null for a retraction */
        final @Nullable String title;
        final @Nullable String origin;
        final Map<String, Instant> times = new LinkedHashMap<>();
        final Instant firstReceived;
        final double electorate;
        @Nullable String reason;

        CorrectionCandidate(CorrectionReport c, double electorate) {
            this.electorate = electorate;
            this.target = c.target();
            this.retract = c.retract();
            this.title = c.title();
            this.origin = c.origin();
            this.firstReceived = c.receivedAt();
            this.reason = c.reason();
        }

        boolean asksFor(CorrectionReport c, Duration window) {
            if (!target.equals(c.target()) || retract != c.retract()) {
                return false;
            }
            if (retract) {
                return true;
            }
            return Objects.equals(title, c.title()) && Objects.equals(origin, c.origin()) && within(
                    median(new ArrayList<>(times.values())), Objects.requireNonNull(c.eventTime(), "eventTime"), window);
        }
    }

    // --------------------------------------------------------------------------------------- reports

    /**
     * Counts a report.
     *
     * @return what was decided because of it: nothing, a new accepted event, a confirmation, rejections
     */
    public List<Decision> submit(Report r) {
        weights.putIfAbsent(r.reporter(), rules.initialWeight());
        lastActive.merge(r.reporter(), r.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        Duration window = rules.windowFor(r.title());

        // Where the report goes: among the accepted events this reporter has not confirmed and the pending
        // candidates it has not voted for, within the window, the oldest (an accepted event, else the
        // candidate that began first), unless a younger one is nearer by more than a quarter of the window.
        // So two events of one kind in quick succession (substitutions 16 s apart) each get their reports,
        // while a second candidate begun by double reports (a reporter crediting the wrong team, a double
        // tap) does not draw the reports of the event the first candidate or accepted event stands for.
        long margin = window.toMillis() / 4;
        Standing standing = nearestStanding(r, window);
        long primaryDistance = standing == null ? -1
                : Math.abs(Duration.between(standing.latest.eventTime(), r.eventTime()).toMillis());
        Candidate c = null;
        long best = Long.MAX_VALUE;
        for (Candidate p : pending) { // in the order they began
            if (p.title.equals(r.title()) && p.origin.equals(r.origin()) && !p.times.containsKey(r.reporter())) {
                long distance = Math.abs(Duration.between(p.median(), r.eventTime()).toMillis());
                if (distance > window.toMillis()) {
                    continue;
                }
                if (primaryDistance < 0) {
                    primaryDistance = distance;
                    c = p;
                    best = distance;
                } else if (distance + margin < primaryDistance && distance < best) {
                    c = p;
                    best = distance;
                }
            }
        }
        if (standing != null && c == null) {
            return confirm(standing, r);
        }
        if (c == null) {
            c = new Candidate(r.title(), r.origin(), r.receivedAt(), activeWeight());
            pending.add(c);
        }
        c.times.put(r.reporter(), r.eventTime());
        if (r.player() != null) {
            c.playerOf.put(r.reporter(), r.player());
        }
        if (r.location() != null) {
            c.locations.put(r.reporter(), r.location());
        }
        if (r.ref() != null) {
            c.refs.put(r.reporter(), r.ref());
        }
        if (c.qualifiers.isEmpty() && !r.qualifiers().isEmpty()) {
            c.qualifiers = r.qualifiers();
        }
        return evaluate(c);
    }

    private @Nullable Standing nearestStanding(Report r, Duration window) {
        Standing best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Standing s : index.near(r.title(), r.eventTime(), window)) {
            AcceptedEvent e = s.latest;
            if (e.standing() && e.origin().equals(r.origin()) && !s.supporters.containsKey(r.reporter())) {
                long distance = Math.abs(Duration.between(e.eventTime(), r.eventTime()).toMillis());
                if (distance <= window.toMillis()
                        && (best == null || distance < bestDistance || distance == bestDistance && s.order < best.order)) {
                    bestDistance = distance;
                    best = s;
                }
            }
        }
        return best;
    }

    /** A late report of an accepted event: it raises votes and confidence, and never duplicates the event. */
    private List<Decision> confirm(Standing s, Report r) {
        s.supporters.put(r.reporter(), r.eventTime());
        adjust(r.reporter(), rules.gain());
        AcceptedEvent e = s.latest;
        // one more than the version's count: after a restore or an amendment not every vote is in supporters
        int votes = e.votes() + 1;
        double confidence = Math.min(1, weightOf(s.supporters.keySet()) / activeWeight());
        AcceptedEvent updated = new AcceptedEvent(e.id(), e.version(), e.status(), e.title(), e.origin(), e.eventTime(),
                e.player(), e.qualifiers(), votes, Math.max(e.confidence(), confidence), e.acceptedAt(), e.reason(),
                e.location(), e.playerShare());
        s.latest = updated;
        // peers hear of confirmations as the votes double, so an event costs O(log reporters) broadcasts
        if (votes >= 2 * Math.max(1, s.votesAtLastVersion)) {
            s.votesAtLastVersion = votes;
            return List.of(new Decision.Accept(updated, Decision.Kind.CONFIRMED));
        }
        return List.of();
    }

    private List<Decision> evaluate(Candidate c) {
        if (!meetsQuorum(c.times.size(), weightOf(c.times.keySet()), c.electorate)) {
            return List.of();
        }
        double support = weightOf(c.times.keySet());
        Duration window = rules.windowFor(c.title);
        if (!rules.isExclusive(c.title)) {
            // both sides can do this at once (a foul and the retaliation, shots at either end): nothing to settle
            return List.of(new Decision.Accept(accept(c), Decision.Kind.NEW));
        }
        Standing conflict = null;
        for (Standing s : index.near(c.title, c.median(), window)) {
            AcceptedEvent e = s.latest;
            if (e.standing() && !e.origin().equals(c.origin) && within(e.eventTime(), c.median(), window)
                    && (conflict == null || s.order < conflict.order)) {
                conflict = s;
            }
        }
        if (conflict != null) {
            // the moment is decided; only a voted correction changes it
            AcceptedEvent e = conflict.latest;
            pending.remove(c);
            long apart = Math.abs(Duration.between(e.eventTime(), c.median()).toSeconds());
            return List.of(reject(c, e.title() + " by " + e.origin() + " was already accepted "
                    + (apart == 0 ? "for the same moment" : apart + " s from this one") + ", and only one side can have a "
                    + e.title() + " within " + seconds(window) + ": if the side was wrong, correct that event"));
        }
        List<Candidate> rivals = new ArrayList<>();
        for (Candidate p : pending) {
            if (p != c && p.title.equals(c.title) && !p.origin.equals(c.origin) && within(p.median(), c.median(), window)) {
                if (weightOf(p.times.keySet()) > support) {
                    return List.of(); // a heavier rival: it decides, or expires and lets this one through
                }
                rivals.add(p);
            }
        }
        List<Decision> out = new ArrayList<>();
        out.add(new Decision.Accept(accept(c), Decision.Kind.NEW));
        for (Candidate loser : rivals) {
            pending.remove(loser);
            out.add(reject(loser, c.title + " by " + c.origin + " was accepted for the same moment with more support, "
                    + "and only one side can have a " + c.title + " within " + seconds(window)));
        }
        return out;
    }

    /**
     * Votes must reach k, and their weight the fraction of the electorate: the active reporters' weight now
     * or when the candidate began, whichever is larger, so that a minority cannot wait for the others to go
     * quiet (a half-time break) and then pass a fake on its own.
     */
    private boolean meetsQuorum(int votes, double support, double electorateAtStart) {
        double electorate = Math.max(electorateAtStart, activeWeight());
        return votes >= rules.minVotes() && support + 1e-9 >= rules.fraction() * electorate;
    }

    private AcceptedEvent accept(Candidate c) {
        pending.remove(c);
        // the player most supporters named; a tie goes to the name reported first
        Map<String, Integer> named = new LinkedHashMap<>();
        c.playerOf.values().forEach(p -> named.merge(p, 1, Integer::sum));
        String player = null;
        int most = 0;
        for (Map.Entry<String, Integer> n : named.entrySet()) {
            if (n.getValue() > most) {
                player = n.getKey();
                most = n.getValue();
            }
        }
        Double share = player == null ? null : (double) most / c.playerOf.size();
        double confidence = Math.min(1, weightOf(c.times.keySet()) / activeWeight());
        AcceptedEvent e = new AcceptedEvent("e" + nextId++, 1, AcceptedEvent.Status.ACCEPTED, c.title, c.origin,
                c.median(), player, c.qualifiers, c.times.size(), confidence, clock.instant(), null,
                medianLocation(c.locations.values()), share);
        Standing s = new Standing(e, acceptedCount++);
        s.supporters.putAll(c.times);
        accepted.put(e.id(), s);
        index.add(s);
        c.times.keySet().forEach(reporter -> adjust(reporter, rules.gain()));
        return e;
    }

    private Decision.Reject reject(Candidate c, String reason) {
        c.times.keySet().forEach(reporter -> adjust(reporter, -rules.loss()));
        Decision.Reject r = new Decision.Reject(c.title, c.origin, c.median(), List.copyOf(c.times.keySet()), reason,
                clock.instant(), c.refs);
        rejected.addLast(r);
        while (rejected.size() > KEEP_REJECTED) {
            rejected.removeFirst();
        }
        return r;
    }

    // ----------------------------------------------------------------------------------- corrections

    /**
     * Counts a correction.
     *
     * @return what was decided because of it: nothing yet, or the new version
     * @throws IllegalArgumentException if no accepted event has the target id
     */
    public List<Decision> correct(CorrectionReport c) {
        Standing s = accepted.get(c.target());
        if (s == null) {
            throw new IllegalArgumentException("there is no accepted event \"" + c.target() + "\"");
        }
        weights.putIfAbsent(c.reporter(), rules.initialWeight());
        lastActive.merge(c.reporter(), c.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        if (!s.latest.standing()) {
            return List.of(); // already a tombstone
        }
        Duration window = rules.windowFor(c.retract() ? s.latest.title() : Objects.requireNonNull(c.title(), "title"));
        CorrectionCandidate cc = null;
        for (CorrectionCandidate p : corrections) {
            if (!p.times.containsKey(c.reporter()) && p.asksFor(c, window)) {
                cc = p;
                break;
            }
        }
        if (cc == null) {
            cc = new CorrectionCandidate(c, activeWeight());
            corrections.add(cc);
        }
        cc.times.put(c.reporter(), c.retract() ? c.receivedAt() : c.eventTime());
        if (cc.reason == null) {
            cc.reason = c.reason();
        }
        return evaluateCorrection(cc);
    }

    private List<Decision> evaluateCorrection(CorrectionCandidate cc) {
        double support = weightOf(cc.times.keySet());
        if (!meetsQuorum(cc.times.size(), support, cc.electorate)) {
            return List.of();
        }
        corrections.removeIf(p -> p.target.equals(cc.target));
        Standing s = accepted.get(cc.target);
        AcceptedEvent old = s.latest;
        double confidence = Math.min(1, support / activeWeight());
        AcceptedEvent next;
        Decision.Kind kind;
        if (cc.retract) {
            next = new AcceptedEvent(old.id(), old.version() + 1, AcceptedEvent.Status.RETRACTED, old.title(), old.origin(),
                    old.eventTime(), old.player(), old.qualifiers(), cc.times.size(), confidence, clock.instant(), cc.reason,
                    old.location(), old.playerShare());
            kind = Decision.Kind.RETRACTED;
            s.supporters.keySet().forEach(reporter -> adjust(reporter, -rules.loss()));
        } else {
            Instant time = median(new ArrayList<>(cc.times.values()));
            String title = Objects.requireNonNull(cc.title, "title");
            String origin = Objects.requireNonNull(cc.origin, "origin");
            next = new AcceptedEvent(old.id(), old.version() + 1, AcceptedEvent.Status.AMENDED, title, origin, time,
                    old.player(), old.qualifiers(), cc.times.size(), confidence, clock.instant(), cc.reason,
                    old.location(), old.playerShare());
            kind = Decision.Kind.AMENDED;
            if (!title.equals(old.title()) || !origin.equals(old.origin())) {
                s.supporters.keySet().forEach(reporter -> adjust(reporter, -rules.loss()));
                s.supporters.clear();
            }
            s.supporters.putAll(cc.times); // who voted the amendment reported the event as it now is
        }
        cc.times.keySet().forEach(reporter -> adjust(reporter, rules.gain()));
        index.remove(s);
        s.latest = next;
        if (next.standing()) {
            index.add(s);
        }
        s.votesAtLastVersion = next.votes();
        return List.of(new Decision.Accept(next, kind));
    }

    // ------------------------------------------------------------------------------------------ time

    /**
     * Rejects candidates and corrections that were not accepted within the decision timeout, and re-checks
     * the rest (reporters going quiet lower the weight a quorum needs). Call it every second or so.
     *
     * @return what was decided
     */
    public List<Decision> tick() {
        Instant now = clock.instant();
        List<Decision> out = new ArrayList<>();
        for (Iterator<Candidate> it = pending.iterator(); it.hasNext();) {
            Candidate c = it.next();
            if (!c.firstReceived.plus(rules.decisionTimeout()).isAfter(now)) {
                it.remove();
                out.add(reject(c, uncorroborated(c)));
            }
        }
        corrections.removeIf(cc -> !cc.firstReceived.plus(rules.decisionTimeout()).isAfter(now));
        for (Candidate c : new ArrayList<>(pending)) {
            if (pending.contains(c)) {
                out.addAll(evaluate(c));
            }
        }
        for (CorrectionCandidate cc : new ArrayList<>(corrections)) {
            if (corrections.contains(cc)) {
                out.addAll(evaluateCorrection(cc));
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------------------- restore

    /**
     * Restores the accepted events after a restart, so that late reports confirm them instead of creating
     * duplicates, and new ids continue after theirs. Who supported them is not restored: a late report counts
     * one vote more than the restored version's.
     *
     * @param latestVersions the latest version of each event, in timeline order
     */
    public void restore(List<AcceptedEvent> latestVersions) {
        for (AcceptedEvent e : latestVersions) {
            Standing s = new Standing(e, acceptedCount++);
            accepted.put(e.id(), s);
            if (e.standing()) {
                index.add(s);
            }
            if (e.id().startsWith("e")) {
                try {
                    nextId = Math.max(nextId, Long.parseLong(e.id().substring(1)) + 1);
                } catch (NumberFormatException ignored) {
                    // an id of another scheme cannot collide with ours
                }
            }
        }
    }

    // --------------------------------------------------------------------------------------- queries

    /** @return the latest version of every accepted event, in the order they were first accepted */
    public List<AcceptedEvent> timeline() {
        return accepted.values().stream().map(s -> s.latest).toList();
    }

    /** @return the latest version of an event */
    public Optional<AcceptedEvent> event(String id) {
        Standing s = accepted.get(id);
        return s == null ? Optional.empty() : Optional.of(s.latest);
    }

    /** A candidate still being voted on. */
    public record Pending(String title, String origin, Instant eventTime, int votes, List<String> reporters) {
    }

    /** @return the candidates still being voted on */
    public List<Pending> pending() {
        return pending.stream().map(c -> new Pending(c.title, c.origin, c.median(), c.times.size(),
                List.copyOf(c.times.keySet()))).toList();
    }

    /** @return the most recent rejected candidates, oldest first (at most 1000) */
    public List<Decision.Reject> rejected() {
        return Collections.unmodifiableList(new ArrayList<>(rejected));
    }

    /** @return a reporter's weight (the initial weight for one not seen yet) */
    public double weight(String reporter) {
        return weights.getOrDefault(reporter, rules.initialWeight());
    }

    /** @return how many reporters reported within the active window */
    public int activeReporters() {
        Instant since = clock.instant().minus(rules.activeWindow());
        return (int) lastActive.values().stream().filter(t -> t.isAfter(since)).count();
    }

    // --------------------------------------------------------------------------------------- helpers

    private double activeWeight() {
        Instant since = clock.instant().minus(rules.activeWindow());
        double sum = 0;
        for (Map.Entry<String, Instant> e : lastActive.entrySet()) {
            if (e.getValue().isAfter(since)) {
                sum += weight(e.getKey());
            }
        }
        return Math.max(sum, rules.minWeight());
    }

    private double weightOf(Iterable<String> reporters) {
        double sum = 0;
        for (String r : reporters) {
            sum += weight(r);
        }
        return sum;
    }

    private void adjust(String reporter, double delta) {
        weights.put(reporter, Math.max(rules.minWeight(), Math.min(rules.maxWeight(), weight(reporter) + delta)));
    }

    /** why a candidate that timed out was not accepted, in words */
    private String uncorroborated(Candidate c) {
        String within = " within " + seconds(rules.decisionTimeout());
        int votes = c.times.size();
        if (votes < rules.minVotes()) {
            return (votes == 1 ? "only 1 reporter" : "only " + votes + " reporters") + " reported it" + within
                    + "; this match needs " + rules.minVotes();
        }
        double electorate = Math.max(c.electorate, activeWeight());
        return "its " + votes + " reporters carried " + percent(weightOf(c.times.keySet()) / electorate)
                + " of the active reporters' weight" + within + "; this match needs " + percent(rules.fraction());
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? s / 60 + " min" : s + " s";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** @return the median of x and of y, or {@code null} for none */
    static @Nullable Location medianLocation(java.util.Collection<Location> locations) {
        if (locations.isEmpty()) {
            return null;
        }
        return new Location(medianOf(locations.stream().mapToDouble(Location::x).toArray()),
                medianOf(locations.stream().mapToDouble(Location::y).toArray()));
    }

    private static double medianOf(double[] values) {
        java.util.Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static boolean within(Instant a, Instant b, Duration window) {
        return Math.abs(Duration.between(a, b).toMillis()) <= window.toMillis();
    }

    static Instant median(List<Instant> times) {
        List<Instant> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        Instant a = sorted.get(n / 2 - 1);
        Instant b = sorted.get(n / 2);
        return a.plus(Duration.between(a, b).dividedBy(2));
    }
}
