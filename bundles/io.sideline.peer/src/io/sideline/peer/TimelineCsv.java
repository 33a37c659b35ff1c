package io.sideline.peer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Location;
import io.sideline.protocol.TimelineEvent;

import org.jspecify.annotations.Nullable;

/**
 * Exports a timeline as CSV (RFC 4180): one row per version of each event, for spreadsheets and statistics tools.
 * <p>
 * The columns are {@link #HEADER}. A version's row is its first message (its {@code seq}, its event) with the
 * highest votes and confidence any message of that version carried, so the host's confirmations, which repeat a
 * version with more votes, do not add rows. Rows are in the order of their {@code seq}. {@code match_time} is the
 * event's match time as {@code mm:ss} (minutes may exceed 59 and 99; before kick-off it starts with {@code -}): the
 * match clock a {@link Placement} gives (the workbench's and {@code ./sideline export}'s: breaks do not count), or
 * the time since a kick-off; empty when neither is known. {@code x} and {@code y} are the event's location on the
 * 0–100 × 0–100 pitch (its side attacking left to right), with at most one decimal, both empty when it has none;
 * they come last, so that the columns of files written before them keep their places. Fields that contain a comma, a double quote, CR or LF are quoted,
 * with double quotes doubled; lines end with CRLF.
 */
public final class TimelineCsv {

    /** the columns, in order */
    public static final List<String> HEADER = List.of("id", "version", "seq", "match_time", "period", "origin", "action",
            "player", "votes", "confidence", "status", "x", "y");

    /** Where an event falls in its match, as the statistics place it: its match clock and its period. */
    public interface Placement {
        /** @return the match clock at the event, or {@code null} to leave {@code match_time} empty */
        @Nullable Duration clock(TimelineEvent event);

        /** @return the event's period, or {@code null} to leave {@code period} empty */
        @Nullable Integer period(TimelineEvent event);

        /** @return time since the kick-off, and the period the event carries; nothing when the kick-off is null */
        static Placement fromKickoff(@Nullable Instant kickoff) {
            return new Placement() {
                @Override
                public @Nullable Duration clock(TimelineEvent e) {
                    return kickoff == null ? null : Duration.between(kickoff, e.time());
                }

                @Override
                public @Nullable Integer period(TimelineEvent e) {
                    return e.period();
                }
            };
        }
    }

    private TimelineCsv() {
    }

    /**
     * Writes the CSV as UTF-8 (without a byte order mark) to a stream, which is flushed, not closed, with each
     * event's match time and period as a placement gives them (the statistics' match clock, say).
     */
    public static void write(List<Accepted> messages, Placement placement, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeRow(w, HEADER);
        for (List<String> row : rows(messages, placement)) {
            writeRow(w, row);
        }
        w.flush();
    }

    /**
     * Writes the CSV to a writer, which should encode UTF-8 (see {@link #write(List, Instant, OutputStream)}). The
     * writer is flushed, not closed.
     *
     * @param messages accepted messages, in any order (for example {@link Timeline#all()})
     * @param kickoff  when the match started, or {@code null} to leave {@code match_time} empty
     * @param out      where to write
     * @throws IOException if writing fails
     */
    public static void write(List<Accepted> messages, @Nullable Instant kickoff, Writer out) throws IOException {
        writeRow(out, HEADER);
        for (List<String> row : rows(messages, kickoff)) {
            writeRow(out, row);
        }
        out.flush();
    }

    /**
     * Writes the CSV as UTF-8 (without a byte order mark) to a stream, which is flushed, not closed.
     *
     * @see #write(List, Instant, Writer)
     */
    public static void write(List<Accepted> messages, @Nullable Instant kickoff, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(messages, kickoff, w);
        w.flush();
    }

    /**
     * @param messages accepted messages, in any order
     * @param kickoff  when the match started, or {@code null}
     * @return the rows (without the header) as unquoted field values, one row per event version, in seq order
     */
    public static List<List<String>> rows(List<Accepted> messages, @Nullable Instant kickoff) {
        return rows(messages, Placement.fromKickoff(kickoff));
    }

    /**
     * @param messages  accepted messages, in any order
     * @param placement each event's match time and period
     * @return the rows (without the header) as unquoted field values, one row per event version, in seq order
     */
    public static List<List<String>> rows(List<Accepted> messages, Placement placement) {
        List<Accepted> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparingLong(Accepted::seq));
        Map<String, Accepted> firsts = new LinkedHashMap<>();
        Map<String, int[]> votes = new LinkedHashMap<>();
        Map<String, double[]> confidence = new LinkedHashMap<>();
        for (Accepted a : sorted) {
            String key = a.version() + "\u0000" + a.id();
            firsts.putIfAbsent(key, a);
            int[] v = votes.computeIfAbsent(key, k -> new int[1]);
            v[0] = Math.max(v[0], a.votes());
            double[] c = confidence.computeIfAbsent(key, k -> new double[1]);
            c[0] = Math.max(c[0], a.confidence());
        }
        List<List<String>> rows = new ArrayList<>(firsts.size());
        for (Map.Entry<String, Accepted> entry : firsts.entrySet()) {
            Accepted a = entry.getValue();
            TimelineEvent e = a.event();
            Duration clock = placement.clock(e);
            Integer period = placement.period(e);
            Location where = e.location();
            rows.add(List.of(a.id(), Integer.toString(a.version()), Long.toString(a.seq()), mmss(clock),
                    period == null ? "" : period.toString(), e.origin(), e.title(),
                    e.player() == null ? "" : e.player(), Integer.toString(votes.get(entry.getKey())[0]),
                    BigDecimal.valueOf(confidence.get(entry.getKey())[0]).toPlainString(), a.status().wire(),
                    where == null ? "" : coordinate(where.x()), where == null ? "" : coordinate(where.y())));
        }
        return rows;
    }

    /** @return a coordinate with at most one decimal, as the feed shows it: {@code 88}, {@code 40.5} */
    static String coordinate(double v) {
        return BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** @return {@code mm:ss} of a match time (whole seconds, rounded down), or empty without one */
    static String mmss(@Nullable Duration time) {
        if (time == null) {
            return "";
        }
        long millis = time.toMillis();
        String sign = millis < 0 ? "-" : "";
        long seconds = Math.abs(millis) / 1000;
        return String.format(Locale.ROOT, "%s%02d:%02d", sign, seconds / 60, seconds % 60);
    }

    /** @return the field as RFC 4180 writes it: quoted if it holds a comma, a double quote, CR or LF */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static void writeRow(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }
}
