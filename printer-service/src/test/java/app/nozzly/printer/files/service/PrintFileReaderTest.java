package app.nozzly.printer.files.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.sim.PrintFiles;

/** Print files as Bambu Studio and PrusaSlicer write them (built by the simulators' PrintFiles). */
class PrintFileReaderTest {

    private static final byte[] PNG = PrintFiles.thumbnailPng(16, 0x336699);
    private static final PrintFiles.Slice SLICE = new PrintFiles.Slice(Duration.ofMinutes(62), 45.5, "PETG",
            "#00FF00", 0.2, 15, 274, 240, 80, true);
    private static final PrintFileMetadata EXPECTED = new PrintFileMetadata(3720, 0.2, 274, 15, true, "PETG", 240, 80,
            45.5);

    @Test
    void aBambuStudioProjectTellsItsPlateAndPreview() {
        PrintFileReader.Contents contents = PrintFileReader.read("bracket.3mf", PrintFiles.bambu3mf(SLICE, PNG));
        assertThat(contents.metadata()).isEqualTo(EXPECTED);
        assertThat(contents.thumbnail()).isEqualTo(PNG);
    }

    @Test
    void aBinaryGcodeTellsItsMetadataBlocksAndLargestThumbnail() {
        PrintFileReader.Contents contents = PrintFileReader.read("bracket.bgcode", PrintFiles.prusaBgcode(SLICE, PNG));
        assertThat(contents.metadata()).isEqualTo(EXPECTED);
        assertThat(contents.thumbnail()).isEqualTo(PNG);
    }

    @Test
    void plainGcodeTellsItsComments() {
        PrintFileMetadata metadata = PrintFileReader.read("bracket.gcode", PrintFiles.prusaGcode(SLICE)).metadata();
        assertThat(metadata).isEqualTo(EXPECTED);
    }

    @Test
    void anythingElseHasNoMetadataAndNeverFails() {
        assertThat(PrintFileReader.read("broken.3mf", "not a zip".getBytes(StandardCharsets.US_ASCII)).metadata())
                .isEqualTo(PrintFileMetadata.NONE);
        assertThat(PrintFileReader.read("broken.bgcode", new byte[] { 'G', 'C', 'D', 'E', 1, 0, 0, 0, 1, 0, 3, 0, 9 })
                .metadata()).isEqualTo(PrintFileMetadata.NONE);
        assertThat(PrintFileReader.read("notes.txt", new byte[] { 1, 2, 3 }).thumbnail()).isNull();
    }

    @Test
    void slicerTimesAreReadInSeconds() {
        assertThat(PrintFileReader.seconds("1d 2h 3m 4s")).isEqualTo(93_784);
        assertThat(PrintFileReader.seconds("42m 42s")).isEqualTo(2_562);
        assertThat(PrintFileReader.seconds("soon")).isNull();
    }
}
