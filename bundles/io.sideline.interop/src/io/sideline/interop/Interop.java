package io.sideline.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.sideline.peer.SavedMatch;
import io.sideline.peer.TimelineCsv;
import io.sideline.peer.internal.AtomicFile;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.Sport;
import io.sideline.stats.MatchStats;
import io.sideline.stats.SetupSport;

import org.jspecify.annotations.Nullable;

/**
 * Imports and exports, for the workbench's wizards and the command line alike. An import reads and checks the
 * whole file before it returns a match; an export writes its file whole or not at all. Either way a bad file
 * leaves nothing half-done behind.
 */
public final class Interop {

    private static final int SNIFF_BYTES = 4096;

    private Interop() {
    }

    /**
     * Recognises a file's format from its content, not its name: XML whose root is {@code <file>} is Sportscode,
     * a JSON list is StatsBomb, a JSON object on the first line is a Sideline match or journal.
     *
     * @param file the file
     * @return its format
     * @throws InteropException if it is none of them
     * @throws IOException      if it cannot be read
     */
    public static Format detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int i = 0;
        if (text.startsWith("\uFEFF")) {
            i = 1;
        }
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            throw new InteropException(file, 0, head.length == 0 ? "the file is empty"
                    : "the file holds nothing but blanks");
        }
        char first = text.charAt(i);
        return switch (first) {
            case '<' -> Format.SPORTSCODE;
            case '[' -> Format.STATSBOMB;
            case '{' -> Format.SIDELINE;
            default -> {
                String start = text.substring(i, Math.min(text.length(), i + 20)).replaceAll("\\s+", " ").strip();
                boolean binary = start.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD);
                throw new InteropException(file, 0, "this is not a Sportscode XML file, a StatsBomb events file or a "
                        + "Sideline match: " + (binary ? "it is not text" : "it starts with \"" + start + "\""));
            }
        };
    }

    /**
     * Imports a file, whatever its format ({@link #detect(Path)}).
     *
     * @param file     a Sportscode XML file, a StatsBomb events file or a Sideline match
     * @param options  the kick-off, the sport, the clip lead
     * @param progress told how far it got; may cancel
     * @return the match
     * @throws InteropException if the file is not in a format Sideline reads, or something in it is wrong: the
     *                          message names the file and the place
     * @throws IOException      if it cannot be read
     */
    public static SavedMatch importFile(Path file, ImportOptions options, Progress progress) throws IOException {
        return switch (detect(file)) {
            case SPORTSCODE -> Sportscode.toMatch(SportscodeFile.read(file, progress), file, options);
            case STATSBOMB -> StatsBombImport.read(file, options, progress);
            case SIDELINE -> SavedMatch.read(file);
            case CSV -> throw new InteropException(file, 0, "CSV is only exported");
        };
    }

    /**
     * Exports a match as Sportscode XML.
     *
     * @param match      the match
     * @param file       where to write
     * @param videoStart when the video starts, or {@code null} for the first clip to start at 0
     * @param lead       seconds of video before an event's moment ({@link Sport#clipLead()})
     * @param lag        seconds of video after it ({@link Sport#clipLag()})
     * @throws IOException if the file cannot be written
     */
    public static void exportSportscode(SavedMatch match, Path file, @Nullable Instant videoStart,
            Duration lead, Duration lag) throws IOException {
        Sportscode.fromMatch(match, videoStart, lead, lag).write(file);
    }

    /**
     * Exports a match as CSV ({@link TimelineCsv}), each event at its match clock and in its period as the
     * workbench's statistics place them: breaks do not count, so football's second half starts at 45:00.
     *
     * @param match the match
     * @param sport the match's sport, or {@code null} when it is not installed here
     * @param file  where to write
     * @throws IOException if the file cannot be written
     */
    public static void exportCsv(SavedMatch match, @Nullable Sport sport, Path file) throws IOException {
        MatchStats stats = new MatchStats(sport != null ? sport : new SetupSport(match.setup()), match.setup().origins(),
                null);
        for (Accepted a : match.messages()) {
            stats.apply(a);
        }
        boolean known = stats.start() != null;
        TimelineCsv.Placement placement = new TimelineCsv.Placement() {
            @Override
            public @Nullable Duration clock(TimelineEvent e) {
                return known ? stats.clock(e.time()) : null;
            }

            @Override
            public @Nullable Integer period(TimelineEvent e) {
                return e.period() != null ? e.period() : known ? stats.period(e) : null;
            }
        };
        AtomicFile.write(file, out -> TimelineCsv.write(match.messages(), placement, out));
    }

    /** @return the file's name without its extension */
    static String baseName(Path file) {
        String name = file.getFileName() == null ? "match" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** @return a match id made of a prefix and a name: lower case letters, digits and dashes */
    static String matchId(String prefix, String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48);
        }
        return slug.isEmpty() ? prefix : prefix + "-" + slug;
    }
}
