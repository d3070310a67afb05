package dev.camroll.server.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Small JPEGs for the web library's tests: each its own picture (so no two share a content key),
 * of varied shapes, dated by their modification time (the capture time of a file without EXIF).
 */
final class Pictures {
    private static final int[][] SHAPES = {{96, 64}, {64, 96}, {80, 80}, {128, 48}, {72, 54}};

    private Pictures() {}

    /** Writes count pictures into the folder, the newest at `newest`, each `step` older than the one before. */
    static List<Path> write(Path folder, int count, Instant newest, java.time.Duration step) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < count; i++) {
                int[] shape = SHAPES[i % SHAPES.length];
                Path file = folder.resolve(String.format("picture-%05d.jpg", i));
                write(file, shape[0], shape[1], i);
                Files.setLastModifiedTime(file, FileTime.from(newest.minus(step.multipliedBy(i))));
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    static void write(Path file, int width, int height, int seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.getHSBColor((seed * 0.0618f) % 1f, 0.45f, 0.85f));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.getHSBColor((seed * 0.31f) % 1f, 0.6f, 0.5f));
        graphics.fillOval(seed % (width / 2), (seed / 7) % (height / 2), width / 2, height / 2);
        graphics.dispose();
        if (!ImageIO.write(image, "jpg", file.toFile())) {
            throw new IOException("no JPEG writer");
        }
    }
}
