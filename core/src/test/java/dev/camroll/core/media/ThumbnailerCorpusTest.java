package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real files of the shared sample corpus: camera JPEGs, orientation samples, TIFFs. */
class ThumbnailerCorpusTest {

    private static final Path CORPUS = corpus();

    private final Thumbnailer thumbnailer = new Thumbnailer();

    @Test
    void everyCameraJpegGivesAGridThumbnail() throws IOException {
        List<Path> files = files("jpg", ".jpg");
        assertThat(files).hasSizeGreaterThan(5);
        List<String> failed = new ArrayList<>();
        for (Path file : files) {
            try {
                Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.JPEG, ThumbnailSize.GRID);
                BufferedImage decoded = TestPictures.decode(thumbnail);
                assertThat(Math.max(decoded.getWidth(), decoded.getHeight()))
                        .as(file.toString())
                        .isLessThanOrEqualTo(256);
            } catch (NoThumbnailException e) {
                failed.add(CORPUS.relativize(file) + ": " + e.getMessage());
            }
        }
        // Only files that are damaged on purpose may have none.
        assertThat(failed).allSatisfy(line -> assertThat(line).containsAnyOf("corrupted", "invalid", "tests/"));
    }

    @Test
    void theOrientationSamplesAllShowTheSamePicture() throws IOException {
        for (String shape : List.of("landscape", "portrait")) {
            BufferedImage upright = grid(CORPUS.resolve("jpg/orientation/" + shape + "_1.jpg"));
            assertThat(upright.getWidth() > upright.getHeight()).isEqualTo(shape.equals("landscape"));
            for (int orientation = 2; orientation <= 8; orientation++) {
                BufferedImage turned = grid(CORPUS.resolve("jpg/orientation/" + shape + "_" + orientation + ".jpg"));
                assertThat(turned.getWidth()).isEqualTo(upright.getWidth());
                assertThat(turned.getHeight()).isEqualTo(upright.getHeight());
                assertThat(meanDifference(upright, turned))
                        .as(shape + " " + orientation)
                        .isLessThan(12);
            }
        }
    }

    @Test
    void everyTiffOfTheCorpusGivesAThumbnailOrSaysWhyNot() throws IOException {
        List<Path> files = files("tiff", ".tiff");
        Assumptions.assumeFalse(files.isEmpty());
        int made = 0;
        for (Path file : files) {
            try {
                Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.TIFF, ThumbnailSize.GRID);
                assertThat(Math.max(thumbnail.width(), thumbnail.height())).isLessThanOrEqualTo(256);
                made++;
            } catch (NoThumbnailException e) {
                assertThat(e.code().wireName()).isEqualTo("no_thumbnail");
            }
        }
        assertThat(made).isEqualTo(files.size());
    }

    @Test
    void everyHeifOfTheCorpusGivesAThumbnailButTheOneFfmpegCannotOpen() throws IOException {
        List<Path> files = new ArrayList<>(files("heic", ".heic"));
        files.addAll(files("heic", ".heif"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            if (file.getFileName().toString().endsWith("_hdr.heif")) {
                // Its item boxes are ones FFmpeg's demuxer refuses: a clear no_thumbnail.
                assertThatThrownBy(() -> thumbnailer.make(file, MediaFormat.HEIC, ThumbnailSize.GRID))
                        .isInstanceOf(NoThumbnailException.class);
                continue;
            }
            Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.HEIC, ThumbnailSize.GRID);
            assertThat(Math.max(thumbnail.width(), thumbnail.height()))
                    .as(file.toString())
                    .isEqualTo(256);
        }
    }

    private BufferedImage grid(Path file) {
        return TestPictures.decode(thumbnailer.make(file, MediaFormat.JPEG, ThumbnailSize.GRID));
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** The whole shared corpus when it is there, else its part among the test resources. */
    private static Path corpus() {
        String shared = System.getenv("CAMROLL_CORPUS") != null
                ? System.getenv("CAMROLL_CORPUS")
                : System.getProperty("camroll.corpus");
        if (shared != null && Files.isDirectory(Path.of(shared, "exif-samples"))) {
            return Path.of(shared, "exif-samples");
        }
        return TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg")
                .getParent()
                .getParent()
                .getParent();
    }

    private static List<Path> files(String under, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(CORPUS.resolve(under))) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
