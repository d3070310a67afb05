package dev.camroll.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Writes a large library of tiny valid JPEGs, for timing a rescan of an unchanged library, where
 * the cost is walking and comparing, not reading.
 *
 * <p>{@code GenerateTinyLibrary OUTPUT_DIR COUNT [--folders N] [--seed S]}
 *
 * <p>Each file is one 1x1 baseline JPEG with a comment segment of its own, so sizes and bytes
 * differ; modification times are spread over ten years. Files are spread evenly over N folders
 * (default 100).
 */
public final class GenerateTinyLibrary {
    private static final String PROGRAM = "GenerateTinyLibrary";
    private static final long FIRST_MTIME =
            Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();
    private static final long MTIME_SPAN = 10L * 365 * 24 * 3600;

    private GenerateTinyLibrary() {}

    public static void main(String[] args) {
        GeneratorArgs.run(PROGRAM, args, 100, "tiny JPEGs", GenerateTinyLibrary::generate);
    }

    static long generate(GeneratorArgs options) {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, 0x808080);
        byte[] jpeg = JpegBytes.encode(pixel, 0.75f);
        GenerateJpegLibrary.createFolders(options);
        AtomicLong bytes = new AtomicLong();
        IntStream.range(0, options.count()).parallel().forEach(index -> {
            long mix = Seeds.mix(options.seed(), index);
            String comment = "Camroll tiny library, file " + index + " " + "~".repeat((int) ((mix >>> 1) % 64));
            byte[] file = JpegBytes.withComment(jpeg, comment.getBytes(StandardCharsets.US_ASCII));
            Path path = GenerateJpegLibrary.folder(options, options.folderOf(index))
                    .resolve(String.format("tiny-%07d.jpg", index));
            try {
                Files.write(path, file);
                Files.setLastModifiedTime(
                        path, FileTime.from(Instant.ofEpochSecond(FIRST_MTIME + (mix >>> 1) % MTIME_SPAN)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
            bytes.addAndGet(file.length);
        });
        return bytes.get();
    }
}
