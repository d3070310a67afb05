package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.ExifSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One probe shared by scanner threads, and the speed the scan relies on. */
class MediaProbeThreadsTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    private List<Path> exifJpegs(int count) throws IOException {
        byte[] bytes = TestMedia.jpegWithExifBytes(
                320,
                240,
                ExifSpec.builder()
                        .dateTimeOriginal(LocalDateTime.of(2022, 2, 3, 4, 5, 6))
                        .offsetTimeOriginal("+01:00")
                        .gps(51.5, -0.12)
                        .make("Camroll")
                        .model("Bench")
                        .orientation(6)
                        .build());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(Files.write(folder.resolve("IMG_" + i + ".jpg"), bytes));
        }
        return files;
    }

    @Test
    void sharedBetweenThreadsGivesTheSameAnswers() throws Exception {
        List<Path> files = new ArrayList<>(exifJpegs(40));
        files.add(TestMedia.png(folder.resolve("p.png"), 30, 20));
        files.add(TestMedia.video(folder.resolve("v.mp4"), 0.5, 32, 24));
        files.add(TestMedia.audio(folder.resolve("a.flac"), 0.5));
        files.add(Files.writeString(folder.resolve("t.txt"), "text"));
        List<ProbeOutcome> expected = files.stream().map(probe::probe).toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<ProbeOutcome>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> files.stream().map(probe::probe).toList()));
            }
            for (Future<List<ProbeOutcome>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        }
    }
}
