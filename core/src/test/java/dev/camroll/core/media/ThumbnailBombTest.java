package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decompression bombs: tiny files whose headers claim huge pictures. Decoded, a PNG claiming
 * 100,000 x 100,000 pixels would need 30 GB; the thumbnailer reads the header, refuses it with a
 * warning, and its process lives within a 64 MB heap.
 */
class ThumbnailBombTest {

    private static final long HEAP_LIMIT = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void bombsAreRefusedWithinASmallHeapAndTheProcessLives() throws Exception {
        Path png = Files.write(dir.resolve("bomb.png"), TestPictures.pngBomb(100_000, 100_000));
        // A JPEG's frame header holds at most 65,535 a side: 4.2 gigapixels.
        Path jpeg = Files.write(dir.resolve("bomb.jpg"), TestPictures.jpegBomb(65_000, 65_000));
        Path wide = Files.write(dir.resolve("wide.png"), TestPictures.pngBomb(100_000, 3_000));
        Path real = TestPictures.write(dir.resolve("real.jpg"), TestPictures.quadrant(2000, 1500), "jpg");
        assertThat(Files.size(png)).isLessThan(1000);
        assertThat(Files.size(jpeg)).isLessThan(1000);

        List<String> lines = run(png, jpeg, wide, real);

        assertThat(lines.subList(0, 4))
                .containsExactly("refused TOO_LARGE", "refused TOO_LARGE", "refused TOO_LARGE", "made 1440x1080");
        long heap = Long.parseLong(lines.get(4).substring("heap ".length()));
        long rss = Long.parseLong(lines.get(5).substring("rss ".length()));
        assertThat(heap).isLessThan(HEAP_LIMIT);
        assertThat(rss).as("peak resident memory").isLessThan(512L << 20);
        assertThat(lines.get(6)).isEqualTo("alive");
    }

    @Test
    void aRefusedBombIsSaidInAWarning() throws IOException {
        Path png = Files.write(dir.resolve("bomb.png"), TestPictures.pngBomb(100_000, 100_000));
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(Thumbnailer.class.getName());
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            new Thumbnailer().make(png, dev.camroll.core.metadata.MediaFormat.PNG, ThumbnailSize.GRID))
                    .isInstanceOf(NoThumbnailException.class)
                    .hasMessageContaining("100000 x 100000");
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).singleElement().asString().contains("bomb.png").contains("limit");
    }

    private List<String> run(Path... files) throws Exception {
        Path errors = dir.resolve("child.err");
        List<String> arguments =
                java.util.Arrays.stream(files).map(Path::toString).toList();
        Process child = ChildJvm.start(
                ThumbnailBombChild.class.getName(), List.of("-Xmx" + (HEAP_LIMIT >> 20) + "m"), arguments, errors);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue())
                .as("exit of the child; its stderr: %s", ChildJvm.tail(errors, 20))
                .isZero();
        return output.lines().toList();
    }
}
