package dev.camroll.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Writes a library of small but real camera JPEGs for the scan benchmarks.
 *
 * <p>{@code GenerateJpegLibrary OUTPUT_DIR COUNT [--folders N] [--seed S]}
 *
 * <p>Every file carries the EXIF a camera or phone writes (make, model, orientation 1 to 8, capture
 * time with and without time zone offset, exposure, lens, GPS on about half, software, an IFD1
 * thumbnail) in its byte order (Intel or Motorola). Pictures come from a pool of {@value #POOL_SIZE}
 * encodings of 320x240 to 640x480, so the files cost no encoding of their own; each file varies
 * its luminance quantization table, so that no two files decode to the same pixels (up to about a
 * million files), and has its own ImageUniqueID. File modification times are the capture times. The
 * same seed gives the same bytes, whatever the number of cores. EXIF has no maker notes, which makes
 * these files cheaper to read than real camera files for every reader.
 */
public final class GenerateJpegLibrary {
    static final int POOL_SIZE = 48;
    private static final String PROGRAM = "GenerateJpegLibrary";

    private GenerateJpegLibrary() {}

    public static void main(String[] args) {
        GeneratorArgs.run(PROGRAM, args, 20, "JPEGs", GenerateJpegLibrary::generate);
    }

    /** Writes the library and returns the number of bytes written. */
    static long generate(GeneratorArgs options) {
        long started = System.nanoTime();
        List<BaseImages.Base> pool = BaseImages.create(POOL_SIZE, options.seed());
        System.err.printf(
                Locale.ROOT, "encoded %d pictures in %.1f s%n", pool.size(), (System.nanoTime() - started) / 1e9);
        createFolders(options);
        AtomicLong bytes = new AtomicLong();
        IntStream.range(0, options.count()).parallel().forEach(index -> {
            SplittableRandom random = new SplittableRandom(Seeds.mix(options.seed(), index));
            BaseImages.Base base = pool.get(random.nextInt(pool.size()));
            CameraExif.Shot shot = CameraExif.shoot(index, random, base);
            byte[] file = JpegBytes.withExif(shot.tiff(), base.body(), base.quantOffset(), index + 1L);
            Path path = folder(options, options.folderOf(index)).resolve(shot.fileName());
            try {
                Files.write(path, file);
                Files.setLastModifiedTime(path, FileTime.from(shot.capturedAt()));
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
