package io.sideline.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sideline.cli.Command;
import io.sideline.interop.ImportOptions;
import io.sideline.interop.Interop;
import io.sideline.interop.InteropException;
import io.sideline.interop.Progress;

/**
 * A Sportscode file that is wrong is refused whole, with the file, the line and the instance, and the import
 * command then writes nothing, not even over a file it was told to replace.
 */
class BadSportscodeFileTest {

    static final String SECRET = "TOP-SECRET-4711";
    static final String GOOD = "<instance><ID>P1</ID><start>1</start><end>2</end><code>PASS</code></instance>";

    /**
     * A bad file.
     *
     * @param name what is wrong
     * @param xml  the file; {@code SECRET_URI} stands for the URI of a file holding {@link #SECRET}
     * @param line the line the message names
     * @param says what else the message says
     */
    record Bad(String name, String xml, int line, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** @return the file: line 4 holds {@link #GOOD}, line 5 the instance given */
    static String doc(String line5) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<file>\n<ALL_INSTANCES>\n" + GOOD + "\n" + line5
                + "\n</ALL_INSTANCES>\n</file>\n";
    }

    static String instance(String inside) {
        return "<instance>" + inside + "</instance>";
    }

    static Stream<Bad> badFiles() {
        return Stream.of(
                new Bad("not well-formed", doc("<instance><ID>P2</ID><start>1</start><end>2</end><code>PASS</code></instanse>"),
                        5, List.of("not well-formed XML")),
                new Bad("root not <file>", "<?xml version=\"1.0\"?>\n<timeline>\n<instance/>\n</timeline>\n", 2,
                        List.of("<timeline>", "<file>")),
                new Bad("document type", "<?xml version=\"1.0\"?>\n<!DOCTYPE file>\n<file/>\n", 2,
                        List.of("document type")),
                new Bad("external entity", """
                        <?xml version="1.0"?>
                        <!DOCTYPE file [ <!ENTITY xxe SYSTEM "SECRET_URI"> ]>
                        <file><ALL_INSTANCES><instance><ID>P1</ID><start>1</start><end>2</end><code>PASS</code>
                        <label><group>Team</group><text>&xxe;</text></label></instance></ALL_INSTANCES></file>
                        """, 2, List.of("document type")),
                new Bad("no ID", doc(instance("<start>1</start><end>2</end><code>PASS</code>")), 5,
                        List.of("instance number 2", "<ID>")),
                new Bad("no code", doc(instance("<ID>P2</ID><start>1</start><end>2</end>")), 5,
                        List.of("instance P2", "<code>")),
                new Bad("no start", doc(instance("<ID>P2</ID><end>2</end><code>PASS</code>")), 5,
                        List.of("instance P2", "<start>")),
                new Bad("start not a number", doc(instance("<ID>P2</ID><start>abc</start><end>2</end><code>PASS</code>")),
                        5, List.of("instance P2", "\"abc\"", "not a number")),
                new Bad("start before the video", doc(instance("<ID>P2</ID><start>-1</start><end>2</end><code>PASS</code>")),
                        5, List.of("instance P2", "-1")),
                new Bad("start beyond any video", doc(instance("<ID>P2</ID><start>1e20</start><end>1e20</end><code>PASS</code>")),
                        5, List.of("instance P2", "1e20")),
                new Bad("start with a billion decimals", doc(instance("<ID>P2</ID><start>1E-999999999</start><end>2</end>"
                        + "<code>PASS</code>")), 5, List.of("instance P2", "<start>", "decimals")),
                new Bad("end before start", doc(instance("<ID>P2</ID><start>10</start><end>9.5</end><code>PASS</code>")),
                        5, List.of("instance P2", "9.5", "10")),
                new Bad("duplicate ID", doc(GOOD), 5, List.of("instance P1", "line 4")),
                new Bad("label without text", doc(instance("<ID>P2</ID><start>1</start><end>2</end><code>PASS</code>"
                        + "<label><group>Receiver</group></label>")), 5, List.of("instance P2", "Receiver", "<text>")),
                new Bad("label too long for Sideline", doc(instance("<ID>P2</ID><start>1</start><end>2</end><code>PASS</code>"
                        + "<label><group>Note</group><text>" + "x".repeat(201) + "</text></label>")), 5,
                        List.of("instance P2")),
                new Bad("bad row colour", "<?xml version=\"1.0\"?>\n<file>\n<ALL_INSTANCES>\n" + GOOD
                        + "\n</ALL_INSTANCES>\n<ROWS>\n<row><code>PASS</code><R>70000</R><G>0</G><B>0</B></row>\n"
                        + "</ROWS>\n</file>\n", 7, List.of("PASS", "<R>", "70000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isRefusedWithTheFileTheLineAndTheInstance(Bad bad, @TempDir Path dir) throws Exception {
        Path file = write(bad, dir);

        InteropException e = assertThrows(InteropException.class,
                () -> Interop.importFile(file, ImportOptions.defaults(), Progress.NONE));
        assertEquals(bad.line(), e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + bad.line() + ": "), e.getMessage());
        for (String s : bad.says()) {
            assertTrue(e.getMessage().contains(s), "\"" + s + "\" in " + e.getMessage());
        }
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void theImportCommandFailsAndWritesNothing(Bad bad, @TempDir Path dir) throws Exception {
        Path file = write(bad, dir);
        Path out = dir.resolve("match.sideline");
        Path kept = Fixtures.write(dir, "kept.sideline", "an earlier match, kept");

        Cli fresh = new Cli();
        assertEquals(Command.EXIT_FAILURE, fresh.run("import", file.toString(), "--out", out.toString()));
        assertTrue(fresh.err().contains(file + ":" + bad.line() + ": "), fresh.err());
        assertTrue(fresh.err().contains("nothing was written"), fresh.err());
        assertFalse(Files.exists(out));

        Cli forced = new Cli();
        assertEquals(Command.EXIT_FAILURE, forced.run("import", file.toString(), "--out", kept.toString(), "--force"));
        assertEquals("an earlier match, kept", Files.readString(kept));
        assertFalse(fresh.err().contains(SECRET) || forced.err().contains(SECRET) || forced.out().contains(SECRET));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("bad.xml", "kept.sideline", "secret.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    private static Path write(Bad bad, Path dir) throws Exception {
        Path secret = Fixtures.write(dir, "secret.txt", SECRET);
        return Fixtures.write(dir, "bad.xml", bad.xml().replace("SECRET_URI", secret.toUri().toString()));
    }
}
