package io.sideline.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.interop.ImportOptions;
import io.sideline.interop.Interop;
import io.sideline.interop.Progress;
import io.sideline.interop.SportscodeFile;
import io.sideline.peer.SavedMatch;

/** The real Sportscode sample, imported into a Sideline match and exported again: nothing lost. */
class SportscodeRoundTripTest {

    static final Path SAMPLE = Path.of(System.getProperty("sideline.root"), "examples", "data", "sportscode",
            "code_xml_sample.xml");

    @Test
    void theSampleSurvivesImportSaveReadAndExport(@TempDir Path dir) throws Exception {
        SportscodeFile original = SportscodeFile.read(SAMPLE, Progress.NONE);
        assertEquals(List.of("P1", "P2", "P3"), original.instances().stream().map(SportscodeFile.Instance::id).toList());

        SavedMatch match = Interop.importFile(SAMPLE, ImportOptions.defaults().withKickoff(Instant.parse("2021-06-11T19:00:00Z")),
                Progress.NONE);
        Path saved = dir.resolve("sample.sideline");
        match.write(saved);
        Path xml = dir.resolve("again.xml");
        Interop.exportSportscode(SavedMatch.read(saved), xml, null, Duration.ofSeconds(5), Duration.ofSeconds(5));

        SportscodeFile again = SportscodeFile.read(xml, Progress.NONE);
        assertEquals(original.instances(), again.instances());
    }
}
