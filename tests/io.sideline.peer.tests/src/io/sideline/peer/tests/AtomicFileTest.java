package io.sideline.peer.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.peer.internal.AtomicFile;

/** The one atomic write (saved matches, CSV and Sportscode exports): whole or not at all, nothing left behind. */
class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFileIsWrittenWholeIntoANewFolderAndReplacedWhole() throws Exception {
        Path file = dir.resolve("new/match.sideline");
        AtomicFile.write(file, "first".getBytes(StandardCharsets.UTF_8));
        assertEquals("first", Files.readString(file));

        byte[] big = new byte[300_000]; // bigger than the write buffer
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        AtomicFile.write(file, out -> {
            out.write(big, 0, 1000);
            out.write(big, 1000, big.length - 1000);
        });
        assertArrayEquals(big, Files.readAllBytes(file));
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void aWriteThatFailsLeavesTheEarlierFileAsItWasAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("export.csv");
        AtomicFile.write(file, "earlier\n".getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("the disk is full");
        }));
        assertEquals("the disk is full", e.getMessage());
        assertEquals("earlier\n", Files.readString(file));
        assertEquals(List.of(file), files());
    }
}
