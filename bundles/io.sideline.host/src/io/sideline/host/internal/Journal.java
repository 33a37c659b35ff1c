package io.sideline.host.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A match's append-only journal: one encoded {@code accepted} message per line, in seq order. A batch of
 * lines is written and forced to the disk ({@code fsync}) before any of them is broadcast, so a peer never
 * sees an event that a crash could take back. On open, a last line cut short by a crash is dropped.
 */
public final class Journal implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** What was in a journal when it was opened. */
    public record Recovered(Journal journal, List<String> lines, boolean truncatedTornTail) {
    }

    /** Opens (or creates) a journal and reads back its complete lines. */
    public static Recovered open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--; // a line without its newline was being written when the process died
        }
        boolean torn = end < all.length;
        if (torn) {
            channel.truncate(end);
            channel.force(true);
        }
        channel.position(end);
        List<String> lines = new ArrayList<>();
        String text = new String(all, 0, end, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return new Recovered(new Journal(file, channel), lines, torn);
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
