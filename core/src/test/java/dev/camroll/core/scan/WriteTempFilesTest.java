package dev.camroll.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.DeadProcess;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteTempFilesTest {
    @TempDir
    Path root;

    @Test
    void namesCarryThisProcessAndTheExtension() {
        String name = WriteTempFiles.newName(".jpg");
        assertThat(name)
                .startsWith(".camroll-" + ProcessHandle.current().pid() + "-")
                .endsWith(".jpg");
        assertThat(WriteTempFiles.ownerOf(name))
                .hasValue(ProcessHandle.current().pid());
        assertThat(WriteTempFiles.ownerOf(".camroll-0a1b2c3d4e5f6789.jpg")).isEmpty();
        assertThat(WriteTempFiles.ownerOf(".camroll--12.jpg")).isEmpty();
        assertThat(WriteTempFiles.ownerOf("photo.jpg")).isEmpty();
    }

    @Test
    void theScanOnOpenDeletesLeftoversOfDeadProcessesOnly() throws IOException, InterruptedException {
        long dead = DeadProcess.pid();
        long alive = ProcessHandle.current().pid();
        Path pictures = Files.createDirectories(root.resolve("Pictures"));
        Path nested = Files.createDirectories(root.resolve("Trips/2024"));
        TestMedia.jpeg(pictures.resolve("kept.jpg"), 8, 8);
        Path deadTop = write(pictures.resolve(".camroll-" + dead + "-00112233aabbccdd.jpg"));
        Path deadNested = write(nested.resolve(".camroll-" + dead + "-44556677aabbccdd.png"));
        Path live = write(nested.resolve(".camroll-" + alive + "-8899aabbccddeeff.jpg"));
        // Names from before the owner was in the name: old ones go, recent ones may be running.
        Path unownedOld = write(pictures.resolve(".camroll-0a1b2c3d4e5f6789.jpg"));
        Files.setLastModifiedTime(unownedOld, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path unownedRecent = write(pictures.resolve(".camroll-9a1b2c3d4e5f6789.jpg"));
        Path otherHidden = write(pictures.resolve(".notes.jpg"));

        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            assertThat(deadTop).doesNotExist();
            assertThat(deadNested).doesNotExist();
            assertThat(unownedOld).doesNotExist();
            assertThat(live).exists();
            assertThat(unownedRecent).exists();
            assertThat(otherHidden).exists();
            assertThat(pictures.resolve("kept.jpg")).exists();
        }
    }

    private static Path write(Path file) throws IOException {
        return Files.write(file, TestMedia.jpegBytes(4, 4));
    }
}
