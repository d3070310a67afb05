package dev.camroll.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Writes a library of small JPEGs that carry the metadata of real camera files, for the scan
 * benchmarks.
 *
 * <p>{@code GenerateJpegLibrary OUTPUT_DIR COUNT [--folders N] [--seed S]}
 *
 * <p>Every file starts with the metadata segments of one of the camera JPEGs in {@link
 * CameraSegments} (EXIF with the camera's maker notes and thumbnail, and the XMP, ICC profile or
 * Photoshop segments it wrote), taken in turn at random, with its date-times and GPS position (where
 * the camera recorded one) overwritten in place for each file. The picture data that follows comes
 * from a pool of {@value #POOL_SIZE} encodings of 320x240 to 640x480, so the files cost no encoding
 * of their own; each file varies its luminance quantization table, so that no two files decode to
 * the same pixels (up to about a million files). File modification times are the capture times.
 * The same seed gives the same bytes, whatever the number of cores.
 */
public final class GenerateJpegLibrary {
    static final int POOL_SIZE = 48;
    private static final String PROGRAM = "GenerateJpegLibrary";
    private static final long FIRST_SHOT = LocalDateTime.of(2008, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SHOT = LocalDateTime.of(2025, 6, 30, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private GenerateJpegLibrary() {}

    public static void main(String[] args) {
        GeneratorArgs.run(PROGRAM, args, 20, "JPEGs", GenerateJpegLibrary::generate);
    }

    /** Writes the library and returns the number of bytes written. */
    static long generate(GeneratorArgs options) {
        long started = System.nanoTime();
        List<CameraSegments.Template> cameras = CameraSegments.load();
        List<BaseImages.Base> pool = BaseImages.create(POOL_SIZE, options.seed());
        System.err.printf(
                Locale.ROOT,
                "encoded %d pictures in %.1f s; metadata of %d camera files%n",
                pool.size(),
                (System.nanoTime() - started) / 1e9,
                cameras.size());
        createFolders(options);
        AtomicLong bytes = new AtomicLong();
        IntStream.range(0, options.count()).parallel().forEach(index -> {
            SplittableRandom random = new SplittableRandom(Seeds.mix(options.seed(), index));
            BaseImages.Base base = pool.get(random.nextInt(pool.size()));
            CameraSegments.Template camera = cameras.get(random.nextInt(cameras.size()));
            LocalDateTime takenAt = LocalDateTime.ofEpochSecond(
                    FIRST_SHOT + random.nextLong(LAST_SHOT - FIRST_SHOT), 0, ZoneOffset.UTC);
            byte[] segments = camera.fields()
                    .patch(camera.segments(), takenAt, random.nextDouble(0, 80), random.nextDouble(0, 180));
            byte[] file = JpegBytes.withSegments(segments, base.body(), base.quantOffset(), index + 1L);
            Path path = folder(options, options.folderOf(index))
                    .resolve(String.format(Locale.ROOT, "%s_%06d.jpg", camera.name(), index));
            try {
                Files.write(path, file);
                Files.setLastModifiedTime(path, FileTime.from(takenAt.toInstant(ZoneOffset.UTC)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
            bytes.addAndGet(file.length);
        });
        return bytes.get();
    }

    static void createFolders(GeneratorArgs options) {
        for (int f = 0; f < options.folders(); f++) {
            try {
                Files.createDirectories(folder(options, f));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder(options, f), e);
            }
        }
    }

    static Path folder(GeneratorArgs options, int folder) {
        return options.outputDir().resolve(String.format("album-%03d", folder));
    }
}
