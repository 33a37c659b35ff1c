package io.sideline.peer;

import java.io.IOException;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.sideline.peer.internal.AtomicFile;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.Setup;

/**
 * A match as a file: its setup and every accepted message. The workbench's review mode opens these, and exports
 * them.
 * <p>
 * <b>The format</b> is JSON Lines in UTF-8: the first line is the encoded {@code setup} message, then one encoded
 * {@code accepted} message per line in seq order, each line ending with {@code \n} (see
 * {@code docs/protocol.md} for the messages).
 * <p>
 * {@link #read(Path)} also reads a <b>host's journal</b> ({@code <matchId>.journal}: accepted messages only, one
 * per line, in seq order). Its setup comes from the sibling file {@code <matchId>.setup.json} (one encoded setup
 * message) when there is one; otherwise it is derived from the messages: the origins and the titles in the order
 * they first appear, and the match id from the file name. A journal's last line that lacks its newline and does
 * not decode was being written when its host stopped, and is left out, as the host itself does.
 *
 * @param setup    the match's setup
 * @param messages every accepted message, in seq order (the constructor sorts them)
 */
public record SavedMatch(Setup setup, List<Accepted> messages) {

    /** the name of a host's journal ends with this */
    public static final String JOURNAL_SUFFIX = ".journal";
    /** the name of the setup file beside a host's journal ends with this */
    public static final String SETUP_SUFFIX = ".setup.json";

    /**
     * @throws IllegalArgumentException if two messages have the same seq
     */
    public SavedMatch {
        Objects.requireNonNull(setup, "setup");
        List<Accepted> sorted = new ArrayList<>(Objects.requireNonNull(messages, "messages"));
        sorted.sort(Comparator.comparingLong(Accepted::seq));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).seq() == sorted.get(i - 1).seq()) {
                throw new IllegalArgumentException("two messages have seq " + sorted.get(i).seq());
            }
        }
        messages = List.copyOf(sorted);
    }

    /** @return a saved match of everything a timeline holds */
    public static SavedMatch of(Setup setup, Timeline timeline) {
        return new SavedMatch(setup, timeline.all());
    }

    /** @return a new timeline holding these messages */
    public Timeline toTimeline() {
        return Timeline.of(messages);
    }

    /** @return the highest seq, 0 if there are no messages */
    public long lastSeq() {
        return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
    }

    // ----------------------------------------------------------------------------------------- writing

    /**
     * Writes this match in the format above. The text goes to a temporary file beside {@code file}, is forced to
     * the disk and then moved over {@code file} atomically (where the file system can), so a reader never sees
     * half a file and a failed write leaves an earlier file as it was.
     *
     * @param file where to write; its directory is created if needed
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        ProtocolCodec codec = ProtocolCodec.standard();
        StringBuilder b = new StringBuilder();
        b.append(codec.encode(setup)).append('\n');
        for (Accepted a : messages) {
            b.append(codec.encode(a)).append('\n');
        }
        AtomicFile.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ----------------------------------------------------------------------------------------- reading

    /**
     * Reads a saved match, or a host's journal (see the class comment). The whole file is checked before
     * anything is returned.
     *
     * @param file a saved match or a journal
     * @return the match
     * @throws FormatException if the file (or the journal's setup file) is not in the format; the message names
     *                         the file, the line and the problem
     * @throws IOException     if it cannot be read
     */
    public static SavedMatch read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean endsWithNewline = lines(file, lines);
        boolean journalName = file.getFileName() != null && file.getFileName().toString().endsWith(JOURNAL_SUFFIX);
        ProtocolCodec codec = ProtocolCodec.standard();
        if (journalName && !endsWithNewline && !lines.isEmpty() && !decodes(codec, lines.get(lines.size() - 1))) {
            lines.remove(lines.size() - 1); // cut short while its host was writing it
        }
        if (lines.isEmpty()) {
            if (journalName) {
                return new SavedMatch(setupFor(file, List.of()), List.of());
            }
            throw new FormatException(file, 1, "the file is empty; a saved match starts with a setup message");
        }
        Message first = decode(codec, file, 1, lines.get(0));
        Setup setup = null;
        int from;
        if (first instanceof Setup s) {
            setup = s;
            from = 1;
        } else if (first instanceof Accepted) {
            from = 0; // a journal
            if (!endsWithNewline && lines.size() > 1 && !decodes(codec, lines.get(lines.size() - 1))) {
                lines.remove(lines.size() - 1); // cut short while its host was writing it
            }
        } else {
            throw new FormatException(file, 1, "this is a \"" + first.type() + "\" message; a saved match starts with a"
                    + " setup message, a host journal with an accepted message");
        }
        List<Accepted> messages = new ArrayList<>(lines.size());
        long previous = 0;
        for (int i = from; i < lines.size(); i++) {
            int lineNo = i + 1;
            Message m = decode(codec, file, lineNo, lines.get(i));
            if (!(m instanceof Accepted a)) {
                throw new FormatException(file, lineNo, "this is a \"" + m.type()
                        + "\" message; after the first line, every line is an accepted message");
            }
            if (a.seq() <= previous) {
                throw new FormatException(file, lineNo, "seq " + a.seq() + " follows seq " + previous
                        + "; the messages must be in increasing seq order");
            }
            previous = a.seq();
            messages.add(a);
        }
        if (setup == null) {
            setup = setupFor(file, messages);
        }
        return new SavedMatch(setup, messages);
    }

    /** Reads the file's lines (strict UTF-8, {@code \n} or {@code \r\n}); @return whether it ends with a newline */
    private static boolean lines(Path file, List<String> out) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < bytes.length && i < firstBadByte(bytes); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new FormatException(file, line, "the text is not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark some editors add
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                out.add(text.substring(start));
                return false;
            }
            String line = text.substring(start, end);
            out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return true;
    }

    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static Message decode(ProtocolCodec codec, Path file, int lineNo, String line) throws FormatException {
        if (line.isBlank()) {
            throw new FormatException(file, lineNo, lineNo == 1
                    ? "the first line is blank; a saved match starts with a setup message"
                    : "the line is blank; every line holds one message");
        }
        try {
            return codec.decode(line);
        } catch (ProtocolException e) {
            throw new FormatException(file, lineNo, e.getMessage());
        }
    }

    private static boolean decodes(ProtocolCodec codec, String line) {
        try {
            return codec.decode(line) instanceof Accepted;
        } catch (ProtocolException e) {
            return false;
        }
    }

    /** A journal's setup: the sibling setup file if there is one, else derived from the messages. */
    private static Setup setupFor(Path journal, List<Accepted> messages) throws IOException {
        String name = journal.getFileName().toString();
        String matchId = name.endsWith(JOURNAL_SUFFIX) ? name.substring(0, name.length() - JOURNAL_SUFFIX.length())
                : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        Path setupFile = journal.resolveSibling(matchId + SETUP_SUFFIX);
        if (Files.isRegularFile(setupFile)) {
            List<String> lines = new ArrayList<>();
            lines(setupFile, lines);
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            if (lines.isEmpty()) {
                throw new FormatException(setupFile, 1, "the file is empty; it should hold the match's setup message");
            }
            if (lines.size() > 1) {
                throw new FormatException(setupFile, 2, "there is more than the one setup message");
            }
            Message m = decode(ProtocolCodec.standard(), setupFile, 1, lines.get(0));
            if (!(m instanceof Setup s)) {
                throw new FormatException(setupFile, 1, "this is a \"" + m.type() + "\" message, not a setup message");
            }
            return s;
        }
        Set<String> origins = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        for (Accepted a : messages) {
            origins.add(a.event().origin());
            actions.add(a.event().title());
        }
        return new Setup(List.copyOf(origins), List.copyOf(actions), matchId.matches("[A-Za-z0-9._-]{1,64}") ? matchId : null,
                null, null, null);
    }

    /**
     * A file that is not a saved match (or a journal, or a journal's setup file, or a {@link ReportOutbox}). The
     * message names the file, the line (1-based) and the problem.
     */
    public static final class FormatException extends IOException {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient Path file;
        private final int line;
        private final String problem;

        /**
         * @param file    the file
         * @param line    the line, from 1
         * @param problem what is wrong with it
         */
        public FormatException(Path file, int line, String problem) {
            super(file + ": line " + line + ": " + problem);
            this.file = file;
            this.line = line;
            this.problem = problem;
        }

        /** @return the file at fault */
        public Path file() {
            return file;
        }

        /** @return the line at fault, from 1 */
        public int line() {
            return line;
        }

        /** @return what is wrong, without the file and the line */
        public String problem() {
            return problem;
        }
    }
}
