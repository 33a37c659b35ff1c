package io.sideline.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sideline.cli.Command;
import io.sideline.interop.Format;
import io.sideline.interop.ImportOptions;
import io.sideline.interop.Interop;
import io.sideline.interop.InteropException;
import io.sideline.interop.Progress;
import io.sideline.peer.SavedMatch;

/** A file is known by what it holds, not by its name; one that is none of the formats says so readably. */
class FormatDetectionTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };

    @Test
    void sportscodeXmlNamedJsonIsSportscode(@TempDir Path dir) throws Exception {
        Path file = Files.copy(Fixtures.SPORTSCODE_SAMPLE, dir.resolve("x.json"));

        assertEquals(Format.SPORTSCODE, Interop.detect(file));
        assertEquals(List.of("P1", "P2", "P3"), Interop.importFile(file, ImportOptions.defaults(), Progress.NONE)
                .messages().stream().map(a -> a.id()).toList());
    }

    @Test
    void statsBombEventsNamedXmlAreStatsBomb(@TempDir Path dir) throws Exception {
        Path file = Files.copy(Fixtures.STATSBOMB_EVENTS, dir.resolve("x.xml"));

        assertEquals(Format.STATSBOMB, Interop.detect(file));
        assertEquals("Turkey – Italy", Interop.importFile(file, ImportOptions.defaults(), Progress.NONE).setup().name());
    }

    @Test
    void aSidelineMatchNamedXmlIsASidelineMatchAndImportsAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.xml");
        Fixtures.recorded().write(file);

        assertEquals(Format.SIDELINE, Interop.detect(file));
        SavedMatch read = Interop.importFile(file, ImportOptions.defaults(), Progress.NONE);
        assertEquals(Fixtures.recorded(), read);
    }

    @Test
    void aByteOrderMarkBeforeTheXmlDoesNotMatter(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "bom.xml", "\uFEFF" + Files.readString(Fixtures.SPORTSCODE_SAMPLE));

        assertEquals(Format.SPORTSCODE, Interop.detect(file));
        assertEquals(3, Interop.importFile(file, ImportOptions.defaults(), Progress.NONE).messages().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty          | ''               | the file is empty",
            "blank          | '  \n\t\r\n  '   | nothing but blanks",
            "plain text     | 'hello, world\n' | starts with \"hello, world\"" })
    void aFileOfNoFormatIsRefusedSayingWhy(String what, String content, String says, @TempDir Path dir)
            throws Exception {
        Path file = Fixtures.write(dir, "notes.json", content);

        InteropException e = assertThrows(InteropException.class, () -> Interop.detect(file));
        assertEquals(file + ": " + e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void aPictureIsRefusedWithAMessageAPersonCanRead(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("match.xml"), PNG);

        InteropException e = assertThrows(InteropException.class,
                () -> Interop.importFile(file, ImportOptions.defaults(), Progress.NONE));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("not a Sportscode XML file, a StatsBomb events file or a Sideline match"),
                e.getMessage());
        assertTrue(e.getMessage().codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0xFFFD),
                "no control characters or replacement characters: " + e.getMessage());
    }

    @Test
    void theImportCommandRefusesAPictureAndWritesNothing(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("match.json"), PNG);
        Path out = dir.resolve("match.sideline");

        Cli cli = new Cli();
        assertEquals(Command.EXIT_FAILURE, cli.run("import", file.toString(), "--out", out.toString()));
        assertTrue(cli.err().contains(file + ": this is not a Sportscode XML file"), cli.err());
        assertFalse(Files.exists(out));
        assertFalse(cli.err().chars().anyMatch(c -> c == 0 || c == 0x1a), "the terminal gets no binary");
        assertEquals("", cli.out());
    }
}
