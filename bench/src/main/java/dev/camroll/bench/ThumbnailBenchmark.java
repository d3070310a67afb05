package dev.camroll.bench;

import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.media.Thumbnailer;
import dev.camroll.core.metadata.MediaFormat;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The thumbnail benchmark's two halves, run by {@code bench/thumbnails.sh} (and the HEIC
 * previews of {@code bench/heic-previews.sh}).
 *
 * <pre>
 * generate DIR COUNT SOURCE...   12-megapixel camera JPEGs (4000 x 3000, quality 92, 4:2:0) made
 *                                from real camera files, each keeping its source's EXIF and ICC
 *                                segments; a different crop of a source for each file
 * run DIR RUNS SIZE [FORMAT]     thumbnails of every JPEG (or file of FORMAT, heic) in DIR on one
 *                                thread, as Camroll makes them; prints the best pass in files/s
 * imageio DIR                    the same with plain ImageIO (full decode, Graphics2D scaling), once
 * </pre>
 */
public final class ThumbnailBenchmark {

    private static final int WIDTH = 4000;
    private static final int HEIGHT = 3000;

    private ThumbnailBenchmark() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), sources(args));
            case "run" ->
                run(
                        Path.of(args[1]),
                        Integer.parseInt(args[2]),
                        ThumbnailSize.fromWireName(args[3]),
                        args.length > 4 ? MediaFormat.valueOf(args[4].toUpperCase(Locale.ROOT)) : MediaFormat.JPEG);
            case "imageio" -> imageio(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static List<Path> sources(String[] args) {
        List<Path> sources = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            sources.add(Path.of(args[i]));
        }
        return sources;
    }

    private static void generate(Path dir, int count, List<Path> sources) throws IOException {
        Files.createDirectories(dir);
        List<BufferedImage> pictures = new ArrayList<>();
        List<byte[]> segments = new ArrayList<>();
        for (Path source : sources) {
            pictures.add(ImageIO.read(source.toFile()));
            segments.add(metadataSegments(Files.readAllBytes(source)));
        }
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            int which = i % sources.size();
            BufferedImage picture = cover(pictures.get(which), i / sources.size());
            byte[] jpeg = spliceAfterSoi(encode(picture, 0.92f), segments.get(which));
            Path file = dir.resolve(String.format(Locale.ROOT, "camera-%03d.jpg", i));
            Files.write(file, jpeg);
            bytes += jpeg.length;
            System.err.printf(
                    Locale.ROOT,
                    "  %s from %s (%d KB)%n",
                    file.getFileName(),
                    sources.get(which).getFileName(),
                    jpeg.length / 1024);
        }
        System.err.printf(Locale.ROOT, "generated %d JPEGs of %dx%d, %.1f MB%n", count, WIDTH, HEIGHT, bytes / 1e6);
    }

    /** The source scaled to cover 4000 x 3000, cropped at an offset that differs per copy. */
    static BufferedImage cover(BufferedImage source, int copy) {
        double scale =
                Math.max(WIDTH / (double) source.getWidth(), HEIGHT / (double) source.getHeight()) * (1 + copy * 0.03);
        int width = (int) Math.ceil(source.getWidth() * scale);
        int height = (int) Math.ceil(source.getHeight() * scale);
        int x = (width - WIDTH) / 2;
        int y = (height - HEIGHT) / 2;
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(source, -x, -y, width, height, null);
        g.dispose();
        return out;
    }

    /** The APP1 (EXIF, XMP) and APP2 (ICC) segments of a JPEG, in their order. */
    static byte[] metadataSegments(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xFF) {
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            if (marker == 0xE1 || marker == 0xE2) {
                out.write(jpeg, i, 2 + length);
            }
            i += 2 + length;
        }
        return out.toByteArray();
    }

    static byte[] spliceAfterSoi(byte[] jpeg, byte[] segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + segments.length);
        out.write(jpeg, 0, 2);
        out.writeBytes(segments);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] encode(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static List<Path> jpegs(Path dir) throws IOException {
        return files(dir, MediaFormat.JPEG);
    }

    /** The files of a format in DIR, by their extension (.jpg, .heic). */
    private static List<Path> files(Path dir, MediaFormat format) throws IOException {
        String extension =
                format == MediaFormat.JPEG ? ".jpg" : "." + format.name().toLowerCase(Locale.ROOT);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(extension))
                    .sorted()
                    .toList();
        }
    }

    private static void run(Path dir, int runs, ThumbnailSize size, MediaFormat format) throws IOException {
        List<Path> files = files(dir, format);
        Thumbnailer thumbnailer = new Thumbnailer();
        long sink = 0;
        // A first pass warms the JIT and loads the libraries; it does not count.
        for (Path file : files) {
            sink += thumbnailer.make(file, format, size).bytes().length;
        }
        double best = Double.MAX_VALUE;
        double cpuOfBest = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (Path file : files) {
                sink += thumbnailer.make(file, format, size).bytes().length;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.err.printf(Locale.ROOT, "  camroll pass %d: %.3f s (%.3f s of CPU)%n", run + 1, seconds, cpu);
            if (seconds < best) {
                best = seconds;
                cpuOfBest = cpu;
            }
        }
        System.err.printf(Locale.ROOT, "  (%d bytes of thumbnails)%n", sink);
        // Files per second of wall time, then of CPU time (what a loaded machine changes least).
        System.out.printf(Locale.ROOT, "%.2f %.2f%n", files.size() / best, files.size() / cpuOfBest);
    }

    private static void imageio(Path dir) throws IOException {
        List<Path> files = jpegs(dir);
        long start = System.nanoTime();
        long sink = 0;
        for (Path file : files) {
            BufferedImage full = ImageIO.read(file.toFile());
            double scale = 256.0 / Math.max(full.getWidth(), full.getHeight());
            BufferedImage small = new BufferedImage(
                    (int) Math.round(full.getWidth() * scale),
                    (int) Math.round(full.getHeight() * scale),
                    BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, small.getWidth(), small.getHeight(), null);
            g.dispose();
            sink += encode(small, 0.85f).length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "  imageio pass: %.3f s (%d bytes)%n", seconds, sink);
        System.out.printf(Locale.ROOT, "%.2f%n", files.size() / seconds);
    }
}
