package io.sideline.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.CurrentVersion;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;

import org.jspecify.annotations.Nullable;

/**
 * The statistics of one match, updated incrementally from the host's {@link Accepted} messages: counts per
 * action and origin, the score, counts per period and per player, and the series the charts plot over
 * match time (cumulative counts and momentum).
 * <p>
 * <b>Versions.</b> An event id's messages are resolved by the protocol's one rule, {@link CurrentVersion}, the
 * rule the peer's feed uses too: the first message of the highest {@link Accepted#version() version} of an id
 * is the one that counts, with the best votes and confidence of that version. A new version replaces the
 * contribution of the one before (an {@link Accepted.Status#AMENDED amendment} may change the action, the
 * origin, the time, the player or the period); a {@link Accepted.Status#RETRACTED retraction} is a
 * tombstone and removes it. A later message of the same version (a confirmation, which only adds votes, or a
 * duplicate) or an older version (arriving late) changes no statistic. So the statistics depend only on the
 * set of messages applied, never on the order they arrive in, and count what the feed shows.
 * <p>
 * The events that count, the current version of each id unless it is a retraction, are the <em>standing</em>
 * events ({@link #events()}).
 * <p>
 * <b>Match time.</b> Series are plotted over match time, the time since the start of the match: the
 * kick-off given to the constructor or, when none was given, the time of the earliest standing event whose
 * action is the sport's period start (the {@link SportAction} with id {@value SportAction#PERIOD_START_ID}), or else the
 * time of the earliest standing event.
 * <p>
 * <b>Origins and actions.</b> Tables list the sport's actions in the sport's order and the origins given to
 * the constructor in their order. An event with another action label or another origin is counted too: its
 * label or origin is appended, in the order first counted, and stays for the life of this object so that
 * tables and charts keep their columns.
 * <p>
 * Not thread-safe: the workbench applies messages and queries the statistics on one thread (the UI
 * thread); other callers must do the same or synchronise. Every query returns an immutable snapshot.
 * {@link #version()} changes whenever a statistic does, so a view can tell cheaply whether to redraw.
 */
public final class MatchStats {

    /**
     * the id of the {@link SportAction} that ends a period, in every sport
     *
     * @deprecated the sport API holds it since 1.2: use {@link SportAction#PERIOD_END_ID}
     */
    @Deprecated(forRemoval = true)
    public static final String PERIOD_END_ID = SportAction.PERIOD_END_ID;

    /**
     * the id of the {@link SportAction} that starts a period, in every sport
     *
     * @deprecated the sport API holds it since 1.2: use {@link SportAction#PERIOD_START_ID}
     */
    @Deprecated(forRemoval = true)
    public static final String PERIOD_START_ID = SportAction.PERIOD_START_ID;

    /** the most samples a momentum series may have, so that a tiny step cannot exhaust memory */
    public static final int MAX_SAMPLES = 1_000_000;

    /** standing events by event time, then sequence number, then id: the timeline's order */
    private static final Comparator<Accepted> BY_TIME = Comparator.comparing((Accepted a) -> a.event().time())
            .thenComparingLong(Accepted::seq).thenComparing(Accepted::id);

    private final Sport sport;
    private final List<String> sides;
    private final @Nullable Instant kickoff;
    private final Set<String> periodStartLabels = new HashSet<>();
    /** period starts closer together than this are one start, reported by both teams (StatsBomb, a crowd) */
    private Duration periodStartWindow = Duration.ofMinutes(2);
    private final LinkedHashSet<String> origins;
    private final LinkedHashSet<String> actions = new LinkedHashSet<>();

    /** the current version of each id ({@link CurrentVersion}), retractions included */
    private final Map<String, Accepted> held = new HashMap<>();
    private final TreeSet<Accepted> standing = new TreeSet<>(BY_TIME);
    /** action → origin → count, without zeros */
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    /** origin → points */
    private final Map<String, Integer> points = new HashMap<>();
    /** origin → player → action → count, without zeros */
    private final Map<String, Map<String, Map<String, Integer>>> players = new HashMap<>();

    private long version;
    /** what depends on the match's start and on the period starts; {@code null} when out of date */
    private @Nullable Placement placement;

    /**
     * @param sport   the sport: its actions order the tables, its points make the score, its momentum weights
     *                the momentum
     * @param origins the sides, usually the two teams, in the order tables and charts show them (home first)
     * @param kickoff the kick-off, match time zero; {@code null} if unknown, then match time counts from the
     *                first period start or else from the earliest event
     * @throws NullPointerException     if the sport, the list or one of its origins is {@code null}
     * @throws IllegalArgumentException if an origin is listed twice
     */
    public MatchStats(Sport sport, List<String> origins, @Nullable Instant kickoff) {
        this.sport = Objects.requireNonNull(sport, "sport");
        this.sides = List.copyOf(Objects.requireNonNull(origins, "origins"));
        this.origins = new LinkedHashSet<>(sides);
        if (this.origins.size() != sides.size()) {
            throw new IllegalArgumentException("an origin is listed twice: " + origins);
        }
        this.kickoff = kickoff;
        for (SportAction action : sport.actions()) {
            actions.add(action.label());
            if (SportAction.PERIOD_START_ID.equals(action.id())) {
                periodStartLabels.add(action.label());
                periodStartWindow = action.votingWindow();
            }
        }
    }

    // ------------------------------------------------------------------------------------- applying

    /**
     * Applies one message of the host's timeline, merging it into its event's current version by the
     * {@link CurrentVersion} rule. The first message of an id adds its event; a newer version replaces the
     * event's contribution, or removes it if it is a retraction; any other message (a confirmation, a
     * duplicate, an older version, or an earlier message of the current version arriving late) changes no
     * statistic. A message that only raises the current version's votes or confidence, or that is an earlier
     * message of the same version with the same event, updates what {@link #events()} shows, but it is not a
     * change: it returns {@code false} and leaves {@link #version()} as it was.
     *
     * @param message the message, not {@code null}
     * @return whether any statistic changed
     */
    public boolean apply(Accepted message) {
        Objects.requireNonNull(message, "message");
        Accepted old = held.get(message.id());
        Accepted now = CurrentVersion.merge(old, message);
        if (now.equals(old)) {
            return false;
        }
        replaceHeld(old, now);
        TimelineEvent before = counted(old);
        TimelineEvent after = counted(now);
        if (Objects.equals(before, after)) {
            return false;
        }
        if (before != null) {
            contribute(before, -1);
        }
        if (after != null) {
            contribute(after, 1);
        }
        version++;
        placement = null;
        return true;
    }

    /**
     * Applies messages in the collection's iteration order, as {@link #apply(Accepted)} does; since the
     * {@link CurrentVersion} rule does not depend on that order, neither do the statistics.
     *
     * @param messages the messages, none {@code null}
     * @return whether any statistic changed
     */
    public boolean applyAll(Collection<Accepted> messages) {
        boolean changed = false;
        for (Accepted message : Objects.requireNonNull(messages, "messages")) {
            changed |= apply(message);
        }
        return changed;
    }

    private void replaceHeld(@Nullable Accepted old, Accepted message) {
        if (old != null && old.status() != Accepted.Status.RETRACTED) {
            standing.remove(old);
        }
        held.put(message.id(), message);
        if (message.status() != Accepted.Status.RETRACTED) {
            standing.add(message);
        }
    }

    private static @Nullable TimelineEvent counted(@Nullable Accepted message) {
        return message == null || message.status() == Accepted.Status.RETRACTED ? null : message.event();
    }

    private void contribute(TimelineEvent e, int sign) {
        String action = e.title();
        String origin = e.origin();
        if (sign > 0) {
            actions.add(action);
            origins.add(origin);
        }
        add(counts.computeIfAbsent(action, k -> new HashMap<>()), origin, sign);
        if (counts.get(action).isEmpty()) {
            counts.remove(action);
        }
        int p = sport.points(action);
        if (p != 0) {
            for (String receiver : receivers(action, origin)) {
                add(points, receiver, sign * p);
            }
        }
        if (hasPlayer(e)) {
            Map<String, Map<String, Integer>> byPlayer = players.computeIfAbsent(origin, k -> new HashMap<>());
            Map<String, Integer> byAction = byPlayer.computeIfAbsent(e.player(), k -> new HashMap<>());
            add(byAction, action, sign);
            if (byAction.isEmpty()) {
                byPlayer.remove(e.player());
            }
            if (byPlayer.isEmpty()) {
                players.remove(origin);
            }
        }
    }

    /** who gets the points of an action: its origin, or for points to the opponent every other side */
    private List<String> receivers(String action, String origin) {
        if (!sport.pointsToOpponent(action)) {
            return List.of(origin);
        }
        return sides.stream().filter(s -> !s.equals(origin)).toList();
    }

    private static boolean hasPlayer(TimelineEvent e) {
        String player = e.player();
        return player != null && !player.isBlank();
    }

    private static void add(Map<String, Integer> map, String key, int delta) {
        int value = map.getOrDefault(key, 0) + delta;
        if (value == 0) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    // ------------------------------------------------------------------------------------- what it is

    /** @return the sport */
    public Sport sport() {
        return sport;
    }

    /** @return the kick-off given to the constructor, or {@code null} */
    public @Nullable Instant kickoff() {
        return kickoff;
    }

    /**
     * @return how often a statistic has changed: it grows by one each time {@link #apply(Accepted)} returns
     *         {@code true}, so a view that remembers it can tell cheaply whether to redraw
     */
    public long version() {
        return version;
    }

    /**
     * @return the origins in table order: those given to the constructor, then any other origin a standing
     *         event has had, in the order first counted; unmodifiable
     */
    public List<String> origins() {
        return List.copyOf(origins);
    }

    /**
     * @return the action labels in table order: the sport's actions in its order, then any other label a
     *         standing event has had, in the order first counted; unmodifiable
     */
    public List<String> actions() {
        return List.copyOf(actions);
    }

    /**
     * @return the standing events, the current version of each id that is not retracted, in the order of their
     *         events' times (then of their sequence numbers); unmodifiable
     */
    public List<Accepted> events() {
        return List.copyOf(standing);
    }

    // ------------------------------------------------------------------------------------- counts

    /**
     * @param action an action's label
     * @param origin an origin
     * @return how many standing events of that action the origin made
     */
    public int count(String action, String origin) {
        Map<String, Integer> byOrigin = counts.get(action);
        return byOrigin == null ? 0 : byOrigin.getOrDefault(origin, 0);
    }

    /**
     * @param action an action's label
     * @return how many standing events of that action all origins made together
     */
    public int total(String action) {
        Map<String, Integer> byOrigin = counts.get(action);
        return byOrigin == null ? 0 : byOrigin.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * @return the counts table: one row per action in {@link #actions()} order, each with a count (0
     *         included) for every origin in {@link #origins()} order; unmodifiable
     */
    public List<ActionCounts> counts() {
        return table(counts);
    }

    private List<ActionCounts> table(Map<String, Map<String, Integer>> source) {
        List<ActionCounts> rows = new ArrayList<>(actions.size());
        for (String action : actions) {
            Map<String, Integer> byOrigin = source.getOrDefault(action, Map.of());
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String origin : origins) {
                row.put(origin, byOrigin.getOrDefault(origin, 0));
            }
            rows.add(new ActionCounts(action, row));
        }
        return List.copyOf(rows);
    }

    /**
     * The score after the sport's rules: an action's {@link Sport#points(String) points} go to its origin, or,
     * when the sport says they go to the opponent ({@link Sport#pointsToOpponent(String)}, as an own goal's
     * do), to every other side given to the constructor: in a two-sided match that is the other side; with
     * more sides each of the others gets the points; an origin that is not one of those sides gives them to
     * all of them, and with only one side they go to nobody.
     *
     * @return the points of every origin in {@link #origins()} order, 0 included; unmodifiable
     */
    public Map<String, Integer> score() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String origin : origins) {
            out.put(origin, points.getOrDefault(origin, 0));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * @return for every origin that has a standing event credited to a player (in {@link #origins()} order),
     *         its players in alphabetical order, each with its counts per action in {@link #actions()} order
     *         (non-zero counts only); events without a player are not in it; unmodifiable
     */
    public Map<String, Map<String, Map<String, Integer>>> playerCounts() {
        Map<String, Map<String, Map<String, Integer>>> out = new LinkedHashMap<>();
        for (String origin : origins) {
            Map<String, Map<String, Integer>> byPlayer = players.get(origin);
            if (byPlayer == null) {
                continue;
            }
            Map<String, Map<String, Integer>> ordered = new LinkedHashMap<>();
            for (String player : new TreeMap<>(byPlayer).keySet()) {
                Map<String, Integer> byAction = byPlayer.get(player);
                Map<String, Integer> row = new LinkedHashMap<>();
                for (String action : actions) {
                    Integer n = byAction.get(action);
                    if (n != null) {
                        row.put(action, n);
                    }
                }
                ordered.put(player, Collections.unmodifiableMap(row));
            }
            out.put(origin, Collections.unmodifiableMap(ordered));
        }
        return Collections.unmodifiableMap(out);
    }

    // ------------------------------------------------------------------------------------- periods

    /**
     * The period an event belongs to: its own {@link TimelineEvent#period() period} when it has one, else the
     * number of period starts at or before its time, at least 1. Period-start events within the period start's
     * voting window of each other are one start (each team reported the same restart).
     *
     * @param event an event, standing or not
     * @return its period, 1-based
     */
    public int period(TimelineEvent event) {
        Objects.requireNonNull(event, "event");
        return placement().periodAt(event);
    }

    /** @return the periods that have at least one standing event, in ascending order; unmodifiable */
    public List<Integer> periods() {
        return List.copyOf(placement().periodCounts.keySet());
    }

    /**
     * @return the counts table of every period in {@link #periods()}, in ascending order of period; each
     *         table is shaped as {@link #counts()} is, so period → action → origin → count; unmodifiable
     */
    public Map<Integer, List<ActionCounts>> periodCounts() {
        Map<Integer, List<ActionCounts>> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, Map<String, Integer>>> e : placement().periodCounts.entrySet()) {
            out.put(e.getKey(), table(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * @param period a period, 1-based
     * @return its counts table, shaped as {@link #counts()} is; all zeros for a period without events
     */
    public List<ActionCounts> counts(int period) {
        return table(placement().periodCounts.getOrDefault(period, Map.of()));
    }

    /**
     * @param period a period, 1-based
     * @param action an action's label
     * @param origin an origin
     * @return how many standing events of that action the origin made in that period
     */
    public int count(int period, String action, String origin) {
        return placement().periodCounts.getOrDefault(period, Map.of()).getOrDefault(action, Map.of())
                .getOrDefault(origin, 0);
    }

    // ------------------------------------------------------------------------------------- match time

    /**
     * @return match time zero: the kick-off, or else the earliest standing period start, or else the earliest
     *         standing event; {@code null} while none of these is known
     */
    public @Nullable Instant start() {
        return placement().start;
    }

    /**
     * @param instant a wall-clock time
     * @return the match time at that instant: the time since {@link #start()}, negative before it; zero while
     *         the start is not known
     */
    public Duration matchTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant start = placement().start;
        return start == null ? Duration.ZERO : Duration.between(start, instant);
    }

    /**
     * The match clock at an instant, as a scoreboard shows it: with a sport whose periods have a regular
     * {@link Sport#periodLength(int) length}, period n's clock starts at the sum of the lengths of the
     * periods before it, from its period start, so breaks do not count (football's second half starts at
     * 45:00). Otherwise, and before the first period start, it is {@link #matchTime(Instant)}.
     *
     * @param instant a wall-clock time
     * @return the match clock then
     */
    public Duration clock(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Placement p = placement();
        if (p.periodStarts.isEmpty() || instant.isBefore(p.periodStarts.get(0))) {
            return matchTime(instant);
        }
        int i = p.periodStarts.size() - 1;
        while (i > 0 && p.periodStarts.get(i).isAfter(instant)) {
            i--;
        }
        Duration before = Duration.ZERO;
        for (int period = 1; period <= i; period++) {
            Duration length = sport.periodLength(period);
            if (length == null) {
                return matchTime(instant);
            }
            before = before.plus(length);
        }
        return before.plus(Duration.between(p.periodStarts.get(i), instant));
    }

    // ------------------------------------------------------------------------------------- series

    /**
     * The cumulative count of one action over match time, for a step chart. Each origin's series starts with
     * a step to 0 at match time zero (unless one of its events falls at or before zero) and has one step per
     * distinct match time of its events, to the count after them; its last step holds {@link #count(String,
     * String)}. Events at the same time make one step.
     *
     * @param action an action's label
     * @return a series for every origin in {@link #origins()} order, sorted by match time; unmodifiable
     */
    public Map<String, List<Step>> cumulative(String action) {
        Objects.requireNonNull(action, "action");
        Placement p = placement();
        Map<String, List<Step>> series = new LinkedHashMap<>();
        for (String origin : origins) {
            series.put(origin, new ArrayList<>());
        }
        for (int i = 0; i < p.events.size(); i++) {
            TimelineEvent e = p.events.get(i).event();
            if (!e.title().equals(action)) {
                continue;
            }
            List<Step> steps = series.get(e.origin());
            Duration at = p.matchTimes[i];
            if (!steps.isEmpty() && steps.get(steps.size() - 1).matchTime().equals(at)) {
                Step last = steps.remove(steps.size() - 1);
                steps.add(new Step(at, last.count() + 1));
            } else {
                steps.add(new Step(at, steps.isEmpty() ? 1 : steps.get(steps.size() - 1).count() + 1));
            }
        }
        Map<String, List<Step>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Step>> e : series.entrySet()) {
            List<Step> steps = e.getValue();
            if (steps.isEmpty() || steps.get(0).matchTime().compareTo(Duration.ZERO) > 0) {
                steps.add(0, new Step(Duration.ZERO, 0));
            }
            out.put(e.getKey(), List.copyOf(steps));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Momentum over match time, sampled every {@code step} from match time zero until the latest standing
     * event has rolled out of the window (its match time plus the window, rounded up to a step).
     *
     * @param window how far back each sample looks
     * @param step   the time between samples
     * @return as {@link #momentum(Duration, Duration, Duration)}
     * @see #momentum(Duration, Duration, Duration)
     */
    public Map<String, List<Point>> momentum(Duration window, Duration step) {
        return momentum(window, step, defaultEnd(window));
    }

    /**
     * Momentum over match time: the value of an origin at match time {@code t} is the sum of the sport's
     * {@link Sport#momentumWeight(String) momentum weights} of its standing events in the trailing window, those
     * whose match time is after {@code t - window} and at or before {@code t}. Negative weights (a foul, a card)
     * count against the origin that made the action.
     *
     * @param window how far back each sample looks, positive
     * @param step   the time between samples, positive
     * @param end    the last match time to sample, for example the current match time of a live match;
     *               samples run from zero to {@code end} rounded up to a step (one sample at zero if
     *               {@code end} is not positive)
     * @return a series for every origin in {@link #origins()} order, all sampled at the same match times;
     *         unmodifiable
     * @throws IllegalArgumentException if the window or the step is not positive, or there would be more than
     *                                  {@value #MAX_SAMPLES} samples
     */
    public Map<String, List<Point>> momentum(Duration window, Duration step, Duration end) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(end, "end");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the momentum window must be positive: " + window);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the momentum step must be positive: " + step);
        }
        long samples = end.isNegative() || end.isZero() ? 1 : ceilDiv(end, step) + 1;
        if (samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("momentum every " + step + " until " + end + " would take " + samples
                    + " samples; at most " + MAX_SAMPLES);
        }
        Placement p = placement();
        Map<String, List<Duration>> times = new LinkedHashMap<>();
        Map<String, List<Double>> weights = new HashMap<>();
        for (String origin : origins) {
            times.put(origin, new ArrayList<>());
            weights.put(origin, new ArrayList<>());
        }
        for (int i = 0; i < p.events.size(); i++) {
            TimelineEvent e = p.events.get(i).event();
            times.get(e.origin()).add(p.matchTimes[i]);
            weights.get(e.origin()).add(sport.momentumWeight(e.title()));
        }
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (String origin : origins) {
            out.put(origin, slide(times.get(origin), weights.get(origin), window, step, (int) samples));
        }
        return Collections.unmodifiableMap(out);
    }

    /** sums the weights in each trailing window; the times are sorted */
    private static List<Point> slide(List<Duration> times, List<Double> weights, Duration window, Duration step,
            int samples) {
        double[] prefix = new double[times.size() + 1];
        for (int i = 0; i < times.size(); i++) {
            prefix[i + 1] = prefix[i] + weights.get(i);
        }
        List<Point> series = new ArrayList<>(samples);
        int lo = 0;
        int hi = 0;
        for (int k = 0; k < samples; k++) {
            Duration t = step.multipliedBy(k);
            Duration from = t.minus(window);
            while (hi < times.size() && times.get(hi).compareTo(t) <= 0) {
                hi++;
            }
            while (lo < hi && times.get(lo).compareTo(from) <= 0) {
                lo++;
            }
            series.add(new Point(t, prefix[hi] - prefix[lo]));
        }
        return List.copyOf(series);
    }

    /**
     * The momentum difference of the first two origins, first minus second (home minus away), sampled as
     * {@link #momentum(Duration, Duration)} is: above zero the first side is on top.
     *
     * @param window how far back each sample looks, positive
     * @param step   the time between samples, positive
     * @return the difference series; unmodifiable
     * @throws IllegalStateException    if there are fewer than two origins
     * @throws IllegalArgumentException as {@link #momentum(Duration, Duration, Duration)}
     */
    public List<Point> momentumDifference(Duration window, Duration step) {
        return momentumDifference(window, step, defaultEnd(window));
    }

    /**
     * The momentum difference of the first two origins, first minus second (home minus away), sampled as
     * {@link #momentum(Duration, Duration, Duration)} is: above zero the first side is on top.
     *
     * @param window how far back each sample looks, positive
     * @param step   the time between samples, positive
     * @param end    the last match time to sample
     * @return the difference series; unmodifiable
     * @throws IllegalStateException    if there are fewer than two origins
     * @throws IllegalArgumentException as {@link #momentum(Duration, Duration, Duration)}
     */
    public List<Point> momentumDifference(Duration window, Duration step, Duration end) {
        if (origins.size() < 2) {
            throw new IllegalStateException("a momentum difference needs two origins: " + origins);
        }
        Map<String, List<Point>> m = momentum(window, step, end);
        List<String> order = origins();
        List<Point> first = m.get(order.get(0));
        List<Point> second = m.get(order.get(1));
        List<Point> out = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            out.add(new Point(first.get(i).matchTime(), first.get(i).value() - second.get(i).value()));
        }
        return List.copyOf(out);
    }

    private Duration defaultEnd(Duration window) {
        Objects.requireNonNull(window, "window");
        Placement p = placement();
        return p.events.isEmpty() ? Duration.ZERO : p.matchTimes[p.events.size() - 1].plus(window);
    }

    private static long ceilDiv(Duration a, Duration b) {
        long q = a.dividedBy(b);
        return b.multipliedBy(q).equals(a) ? q : q + 1;
    }

    // ------------------------------------------------------------------------------------- placement

    private Placement placement() {
        Placement p = placement;
        if (p == null) {
            p = new Placement();
            placement = p;
        }
        return p;
    }

    /** the standing events placed in match time and in periods; valid until the next change */
    private final class Placement {

        final @Nullable Instant start;
        final List<Accepted> events;
        final Duration[] matchTimes;
        /** the times of the standing period starts, ascending */
        final List<Instant> periodStarts = new ArrayList<>();
        /** period → action → origin → count, ascending periods */
        final Map<Integer, Map<String, Map<String, Integer>>> periodCounts = new TreeMap<>();

        Placement() {
            events = List.copyOf(standing);
            for (Accepted a : events) {
                if (periodStartLabels.contains(a.event().title())) {
                    Instant t = a.event().time();
                    // the same restart reported for each team is one period start
                    if (periodStarts.isEmpty()
                            || Duration.between(periodStarts.get(periodStarts.size() - 1), t).compareTo(periodStartWindow) > 0) {
                        periodStarts.add(t);
                    }
                }
            }
            start = kickoff != null ? kickoff
                    : !periodStarts.isEmpty() ? periodStarts.get(0)
                    : events.isEmpty() ? null : events.get(0).event().time();
            matchTimes = new Duration[events.size()];
            for (int i = 0; i < events.size(); i++) {
                TimelineEvent e = events.get(i).event();
                matchTimes[i] = Duration.between(start, e.time());
                Map<String, Integer> byOrigin = periodCounts.computeIfAbsent(periodAt(e), k -> new HashMap<>())
                        .computeIfAbsent(e.title(), k -> new HashMap<>());
                add(byOrigin, e.origin(), 1);
            }
        }

        int periodAt(TimelineEvent e) {
            Integer period = e.period();
            if (period != null) {
                return period;
            }
            // the number of period starts at or before its time
            int lo = 0;
            int hi = periodStarts.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (periodStarts.get(mid).isAfter(e.time())) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return Math.max(1, lo);
        }
    }
}
