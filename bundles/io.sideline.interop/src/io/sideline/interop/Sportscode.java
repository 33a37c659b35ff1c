package io.sideline.interop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sideline.interop.SportscodeFile.Instance;
import io.sideline.interop.SportscodeFile.Label;
import io.sideline.interop.SportscodeFile.Row;
import io.sideline.peer.SavedMatch;
import io.sideline.peer.Timeline;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Location;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;

import org.jspecify.annotations.Nullable;

/**
 * Sportscode instances ↔ Sideline events. One mapping, both ways, so that a Sportscode file imported and exported
 * again keeps every instance, its ID, start, end, code and every label:
 * <table>
 * <caption>the mapping</caption>
 * <tr><th>Sportscode</th><th>Sideline</th></tr>
 * <tr><td>{@code ID}</td><td>the event's id</td></tr>
 * <tr><td>{@code code}</td><td>the action (the event's title)</td></tr>
 * <tr><td>label of the group {@value #TEAM}</td><td>the origin; an instance without one has the origin
 * {@value #NO_TEAM}</td></tr>
 * <tr><td>label of the group {@value #PLAYER}</td><td>the player</td></tr>
 * <tr><td>label of the group {@value #LOCATION}, such as {@code 88, 40.5}</td><td>the location on the 0–100 pitch
 * (x, then y; at most one decimal, as the feed writes it); a label of that group in any other form stays a
 * qualifier</td></tr>
 * <tr><td>any other label</td><td>a qualifier named after its group; a second label of the same group is named
 * {@code "group #2"}, a label without a group {@value #NO_GROUP}</td></tr>
 * <tr><td>{@code start}, {@code end}</td><td>the event's time is the video start plus {@code start} plus the
 * clip lead, but not after {@code end}; the exact {@code start} and {@code end} are kept as the qualifiers
 * {@value #START} and {@value #END}</td></tr>
 * </table>
 * An event recorded in Sideline (without those two qualifiers) becomes an instance from its time minus the sport's
 * clip lead to its time plus its clip lag. Retracted events are not exported; an amended one is exported as
 * amended. Each code gets a row colour.
 */
public final class Sportscode {

    /** the label group that holds the team */
    public static final String TEAM = "Team";
    /** the label group that holds the player */
    public static final String PLAYER = "Player";
    /** the label group that holds the location on the pitch, "x, y" on the 0–100 pitch. Since 1.1. */
    public static final String LOCATION = "Location";
    /** the origin of an instance that has no team label */
    public static final String NO_TEAM = "(no team)";
    /** the qualifier that holds a label without a group */
    public static final String NO_GROUP = "(no group)";
    /** the qualifier that keeps an imported instance's start */
    public static final String START = "sportscode.start";
    /** the qualifier that keeps an imported instance's end */
    public static final String END = "sportscode.end";

    private static final Pattern REPEAT = Pattern.compile("(.*) #(\\d+)");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /** row colours, 16-bit components, for codes in turn: distinct on a Sportscode timeline */
    private static final int[][] COLOURS = { { 0x1f, 0x77, 0xb4 }, { 0xff, 0x7f, 0x0e }, { 0x2c, 0xa0, 0x2c },
            { 0xd6, 0x27, 0x28 }, { 0x94, 0x67, 0xbd }, { 0x8c, 0x56, 0x4b }, { 0xe3, 0x77, 0xc2 },
            { 0x7f, 0x7f, 0x7f }, { 0xbc, 0xbd, 0x22 }, { 0x17, 0xbe, 0xcf } };

    private Sportscode() {
    }

    // ----------------------------------------------------------------------------------- import

    /**
     * @param timeline the Sportscode timeline
     * @param source   the file it came from: errors name it, and the match is named after it
     * @param options  the video's start (the kick-off option), the sport, the clip lead
     * @return the match, every instance an accepted event, in the order of their times
     * @throws InteropException if an instance cannot be a Sideline event (a text too long for the protocol, say):
     *                          the message names the file, the line and the instance
     */
    public static SavedMatch toMatch(SportscodeFile timeline, Path source, ImportOptions options) throws InteropException {
        List<Instance> instances = timeline.instances();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> instances.get(i).start()).thenComparing(i -> i));
        LinkedHashSet<String> origins = new LinkedHashSet<>();
        LinkedHashSet<String> actions = new LinkedHashSet<>();
        ProtocolCodec codec = ProtocolCodec.standard();
        List<Accepted> messages = new ArrayList<>();
        long seq = 0;
        for (int i : order) {
            Instance in = instances.get(i);
            String origin = NO_TEAM;
            String player = null;
            Location location = null;
            Map<String, String> qualifiers = new LinkedHashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Label l : in.labels()) {
                if (TEAM.equals(l.group()) && origin.equals(NO_TEAM) && !seen.containsKey(TEAM)) {
                    origin = l.text();
                    seen.put(TEAM, 1);
                } else if (PLAYER.equals(l.group()) && player == null && !seen.containsKey(PLAYER)) {
                    player = l.text();
                    seen.put(PLAYER, 1);
                } else if (LOCATION.equals(l.group()) && location == null && !seen.containsKey(LOCATION)
                        && location(l.text()) != null) {
                    location = location(l.text());
                    seen.put(LOCATION, 1);
                } else {
                    String labelGroup = l.group();
                    String group = labelGroup == null ? NO_GROUP : labelGroup;
                    int n = seen.merge(group, 1, Integer::sum);
                    qualifiers.put(n == 1 ? group : group + " #" + n, l.text());
                }
            }
            qualifiers.put(START, in.start().toPlainString());
            qualifiers.put(END, in.end().toPlainString());
            BigDecimal at = in.start().add(BigDecimal.valueOf(options.clipLead().toMillis()).divide(THOUSAND)).min(in.end());
            Instant time = options.kickoff().plusMillis(at.multiply(THOUSAND).setScale(0, RoundingMode.HALF_UP).longValueExact());
            TimelineEvent event = new TimelineEvent(in.code(), origin, time, player, null, null, qualifiers, location);
            Accepted a = new Accepted(time, in.id(), ++seq, 1, Accepted.Status.ACCEPTED, event, 1, 1.0, null);
            try {
                codec.decode(codec.encode(a));
            } catch (ProtocolException e) {
                throw new InteropException(source, timeline.line(i), "instance " + in.id()
                        + ": cannot be a Sideline event: " + e.getMessage());
            }
            origins.add(origin);
            actions.add(in.code());
            messages.add(a);
        }
        if (origins.isEmpty()) {
            origins.add(NO_TEAM);
        }
        String name = Interop.baseName(source);
        Setup setup = new Setup(List.copyOf(origins), List.copyOf(actions), Interop.matchId("sportscode", name), name,
                options.sport(), null);
        return new SavedMatch(setup, messages);
    }

    // ----------------------------------------------------------------------------------- export

    /**
     * @param match      the match
     * @param videoStart the wall-clock time the video starts at, or {@code null} for the first event's time less
     *                   the lead (so that the first clip starts at 0)
     * @param lead       how long before its moment an event's clip starts (the sport's {@code clipLead()})
     * @param lag        how long after its moment an event's clip ends (the sport's {@code clipLag()})
     * @return the Sportscode timeline: the current version of every event that is not retracted, in time order
     */
    public static SportscodeFile fromMatch(SavedMatch match, @Nullable Instant videoStart, Duration lead,
            Duration lag) {
        List<Accepted> standing = new ArrayList<>(match.toTimeline().latest().stream()
                .filter(a -> a.status() != Accepted.Status.RETRACTED).toList());
        standing.sort(Comparator.comparing((Accepted a) -> a.event().time()).thenComparingLong(Accepted::seq));
        Instant zero = videoStart != null ? videoStart
                : standing.isEmpty() ? Instant.EPOCH : standing.get(0).event().time().minus(lead);
        List<Instance> instances = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Accepted a : standing) {
            TimelineEvent e = a.event();
            BigDecimal start;
            BigDecimal end;
            String keptStart = e.qualifiers().get(START);
            String keptEnd = e.qualifiers().get(END);
            BigDecimal keptStartAt = number(keptStart);
            BigDecimal keptEndAt = number(keptEnd);
            if (keptStartAt != null && keptEndAt != null) {
                start = keptStartAt;
                end = keptEndAt;
            } else {
                long at = Duration.between(zero, e.time()).toMillis();
                start = seconds(Math.max(0, at - lead.toMillis()));
                end = seconds(Math.max(0, at + lag.toMillis()));
            }
            List<Label> labels = new ArrayList<>();
            if (!NO_TEAM.equals(e.origin())) {
                labels.add(new Label(TEAM, e.origin()));
            }
            String player = e.player();
            if (player != null) {
                labels.add(new Label(PLAYER, player));
            }
            Location where = e.location();
            if (where != null) {
                labels.add(new Label(LOCATION, where.toString()));
            }
            for (Map.Entry<String, String> q : e.qualifiers().entrySet()) {
                if (q.getKey().equals(START) || q.getKey().equals(END)) {
                    continue;
                }
                Matcher m = REPEAT.matcher(q.getKey());
                String group = m.matches() ? m.group(1) : q.getKey();
                labels.add(new Label(NO_GROUP.equals(group) ? null : group, q.getValue()));
            }
            instances.add(new Instance(a.id(), start, end, e.title(), labels));
            codes.add(e.title());
        }
        // the rows: the setup's actions first, in its order, then any other code
        List<String> ordered = new ArrayList<>();
        for (String action : match.setup().actions()) {
            if (codes.contains(action)) {
                ordered.add(action);
            }
        }
        for (String code : codes) {
            if (!ordered.contains(code)) {
                ordered.add(code);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            int[] c = COLOURS[i % COLOURS.length];
            rows.add(new Row(ordered.get(i), c[0] * 257, c[1] * 257, c[2] * 257));
        }
        return new SportscodeFile(instances, rows);
    }

    private static final Pattern XY = Pattern.compile("(\\d{1,3}(?:\\.\\d)?), (\\d{1,3}(?:\\.\\d)?)");

    /**
     * @return the location a label's text names, only when it is written as the export writes it ("88, 40.5"), so
     *         that a file imported and exported again keeps every label's text
     */
    static @Nullable Location location(String text) {
        Matcher m = XY.matcher(text);
        if (!m.matches()) {
            return null;
        }
        double x = Double.parseDouble(m.group(1));
        double y = Double.parseDouble(m.group(2));
        if (x > Location.MAX || y > Location.MAX) {
            return null;
        }
        Location l = new Location(x, y);
        return l.toString().equals(text) ? l : null;
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis).divide(THOUSAND).stripTrailingZeros();
    }

    private static @Nullable BigDecimal number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal b = new BigDecimal(text.strip().toUpperCase(Locale.ROOT));
            return b.signum() < 0 ? null : b;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
