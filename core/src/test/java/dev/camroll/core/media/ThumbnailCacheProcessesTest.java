package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.ChildJvm;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes make the same thumbnails at the same time, each replacing the other's entries,
 * while this one reads every entry it finds: each is whole, never torn.
 */
class ThumbnailCacheProcessesTest {

    private static final int VERSIONS = 15;

    @TempDir
    Path dir;

    @Test
    void twoProcessesMakingTheSameThumbnailsNeverShowATornEntry() throws Exception {
        Path data = dir.resolve("data");
        // A PNG has no reduced-size decoding: each thumbnail takes long enough to overlap.
        Path file = TestPictures.write(dir.resolve("big.png"), TestPictures.quadrant(2000, 1500), "png");
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(ChildJvm.start(
                    ThumbnailCacheWriterChild.class.getName(),
                    List.of(data.toString(), file.toString(), Integer.toString(VERSIONS)),
                    dir.resolve("writer" + i + ".err")));
        }
        int read = 0;
        try {
            while (writers.stream().anyMatch(Process::isAlive)) {
                read += readEveryEntry(data.resolve("thumbnails/sh/shared0000001"));
            }
        } catch (AssertionError | IOException e) {
            for (Process writer : writers) {
                writer.destroyForcibly();
            }
            throw e;
        }
        for (int i = 0; i < writers.size(); i++) {
            Process writer = writers.get(i);
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                    .as("writer %d; its stderr: %s", i, ChildJvm.tail(dir.resolve("writer" + i + ".err"), 20))
                    .isEqualTo("done");
        }
        assertThat(read).as("entries read while the writers ran").isPositive();
        // Only the last version's entry is left.
        try (DirectoryStream<Path> left = Files.newDirectoryStream(data.resolve("thumbnails/sh/shared0000001"))) {
            List<String> names = new ArrayList<>();
            left.forEach(path -> names.add(path.getFileName().toString()));
            assertThat(names).singleElement().asString().startsWith("preview-").endsWith(".jpg");
        }
    }

    /** Reads and decodes every entry in the folder; fails on one that is not a whole JPEG. */
    private static int readEveryEntry(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int read = 0;
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "preview-*.jpg")) {
            stream.forEach(entries::add);
        } catch (NoSuchFileException e) {
            return 0;
        }
        for (Path entry : entries) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(entry);
            } catch (NoSuchFileException e) {
                continue; // replaced by a newer version meanwhile
            }
            assertThat(bytes.length).as(entry.toString()).isPositive();
            assertThat(bytes[bytes.length - 2] & 0xff).as("end of image marker").isEqualTo(0xFF);
            assertThat(bytes[bytes.length - 1] & 0xff).isEqualTo(0xD9);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image.getWidth()).isEqualTo(1440);
            read++;
        }
        return read;
    }
}
