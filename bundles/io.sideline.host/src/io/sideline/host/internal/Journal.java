package io.sideline.host.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import io.sideline.protocol.ProtocolException;

/**
 * A match's append-only journal: one encoded {@code accepted} message per line, in seq order. A batch of
 * lines is written and forced to the disk ({@code fsync}) before any of them is broadcast, so a peer never
 * sees an event that a crash could take back.
 * <p>
 * It is read back as a stream, one line at a time, never whole: what reading holds in memory is one line of
 * at most {@code maxLineBytes}, whatever the file's size. A damaged end is cut off, so a host always starts
 * on its own journal with every complete line before it: a last line cut short by a crash (no newline), and
 * unreadable lines with no readable line after them (a torn write, a tail of zeros, a line too long to be
 * one), which are first saved beside the journal. An unreadable line with readable lines after it is damage
 * inside the journal, which no rule can mend: opening fails and says where.
 */
public final class Journal implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private long bytes;

    private Journal(Path file, FileChannel channel, long bytes) {
        this.file = file;
        this.channel = channel;
        this.bytes = bytes;
    }

    /** Takes the journal's lines as they are read. */
    public interface Lines {
        /**
         * Takes the next line.
         *
         * @param utf8   the line, without its newline
         * @param number its line number in the file, from 1
         * @throws ProtocolException when it is not the next accepted message; the message says why
         */
        void take(byte[] utf8, long number) throws ProtocolException;

        /** @return whether a line after an unreadable one is a message: then the damage is inside, not at the end */
        boolean readable(byte[] utf8);
    }

    /**
     * What was in a journal when it was opened.
     *
     * @param journal the journal, ready to append to
     * @param lines   how many lines were taken
     * @param cut     what was cut off its end, or {@code null} if nothing was
     */
    public record Recovered(Journal journal, long lines, Cut cut) {
    }

    /**
     * The end of a journal that was cut off.
     *
     * @param bytes   how many bytes
     * @param why     what was wrong with its first line
     * @param savedTo the file that keeps them, or {@code null} for a last line cut short by a crash
     */
    public record Cut(long bytes, String why, Path savedTo) {
    }

    /**
     * Opens (or creates) a journal and reads back its lines, one at a time.
     *
     * @param maxLineBytes the longest line that can be a message; a longer line is unreadable
     * @throws IOException when the journal is damaged inside (an unreadable line before a readable one)
     */
    public static Recovered open(Path file, int maxLineBytes, Lines lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            return read(file, channel, maxLineBytes, lines);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Recovered read(Path file, FileChannel channel, int maxLineBytes, Lines lines) throws IOException {
        long size = channel.size();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        byte[] line = new byte[Math.min(maxLineBytes, 1024)];
        int length = 0;
        boolean tooLong = false;
        long lineStart = 0;
        long number = 0;
        long taken = 0;
        long badStart = -1;
        long badNumber = 0;
        String badWhy = null;
        long position = 0;
        while (position < size) {
            chunk.clear();
            int n = channel.read(chunk, position);
            if (n < 0) {
                break;
            }
            byte[] a = chunk.array();
            for (int i = 0; i < n; i++) {
                byte b = a[i];
                if (b != '\n') {
                    if (tooLong) {
                        continue;
                    }
                    if (length == maxLineBytes) {
                        tooLong = true;
                        continue;
                    }
                    if (length == line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                    }
                    line[length++] = b;
                    continue;
                }
                number++;
                if (length > 0 || tooLong) {
                    byte[] text = tooLong ? null : Arrays.copyOf(line, length);
                    if (badStart < 0) {
                        String why = text == null ? "a line longer than " + maxLineBytes + " bytes" : take(lines, text, number);
                        if (why == null) {
                            taken++;
                        } else {
                            badStart = lineStart;
                            badNumber = number;
                            badWhy = why;
                        }
                    } else if (text != null && lines.readable(text)) {
                        throw new IOException("the journal " + file + " is damaged at line " + badNumber + ": " + badWhy
                                + "; line " + number + " after it is readable, so this is not the end of a crash;"
                                + " move the journal aside to start the match afresh");
                    }
                }
                lineStart = position + i + 1;
                length = 0;
                tooLong = false;
                if (line.length > 64 * 1024) {
                    line = new byte[1024]; // one long line does not keep its buffer for the rest
                }
            }
            position += n;
        }
        Cut cut = null;
        long end = size;
        if (badStart >= 0) {
            end = badStart;
            Path saved = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            try (FileChannel out = FileChannel.open(saved, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (long at = badStart; at < size;) {
                    at += channel.transferTo(at, size - at, out);
                }
                out.force(true);
            }
            cut = new Cut(size - badStart, "line " + badNumber + " is unreadable (" + badWhy + ")", saved);
        } else if (lineStart < size) {
            end = lineStart; // a line without its newline was being written when the process died
            cut = new Cut(size - lineStart, "the last line was cut short by a crash", null);
        }
        if (end < size) {
            channel.truncate(end);
            channel.force(true);
        }
        channel.position(end);
        return new Recovered(new Journal(file, channel, end), taken, cut);
    }

    /** @return why the line cannot be taken, or {@code null} when it was */
    private static String take(Lines lines, byte[] text, long number) {
        try {
            lines.take(text, number);
            return null;
        } catch (ProtocolException e) {
            return e.getMessage();
        }
    }

    /** Appends lines (UTF-8, without their newlines) and forces them to the disk before returning. */
    public void append(List<byte[]> lines) throws IOException {
        int size = 0;
        for (byte[] line : lines) {
            size += line.length + 1;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] line : lines) {
            buffer.put(line).put((byte) '\n');
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
        bytes += size;
    }

    /** @return the journal's size in bytes; the core thread only */
    public long bytes() {
        return bytes;
    }

    /** @return the journal's file */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
