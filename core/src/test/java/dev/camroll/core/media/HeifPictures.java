package dev.camroll.core.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * What the HEIF tests compare: pictures by the mean colours of their regions (two decoders never
 * agree pixel for pixel, but a wrong turn, a misplaced tile or a wrong colour shows in a region),
 * the reference decodes of the corpus's HEIF files, and copies of the iPhone file whose item
 * properties are changed byte for byte (an {@code irot} of 0, an {@code imir} in its place, a
 * grid claiming another output size), as the HEIF standard (ISO/IEC 23008-12) lays them out.
 */
final class HeifPictures {

    static final String IPHONE = "exif-samples/heic/mobile/iphone_13_pro_max.HEIC";

    private HeifPictures() {}

    /** The reference decode of a corpus file (libheif through libvips; see its NOTICE). */
    static BufferedImage reference(String corpusName) {
        String name = Path.of(corpusName).getFileName() + ".png";
        try (var in = HeifPictures.class.getClassLoader().getResourceAsStream("heif-reference/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference decode " + name);
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The largest difference, over a 4 x 4 division of both pictures, between the mean red, green
     * and blue of a region in one and the same region in the other (0 to 255).
     */
    static double regionDifference(BufferedImage a, BufferedImage b) {
        double worst = 0;
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 4; column++) {
                double[] first = regionMean(a, column, row);
                double[] second = regionMean(b, column, row);
                for (int channel = 0; channel < 3; channel++) {
                    worst = Math.max(worst, Math.abs(first[channel] - second[channel]));
                }
            }
        }
        return worst;
    }

    /** The mean difference of red, green and blue, pixel by pixel, of two pictures of one size. */
    static double pixelDifference(BufferedImage a, BufferedImage b) {
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

    private static double[] regionMean(BufferedImage image, int column, int row) {
        int x0 = image.getWidth() * column / 4;
        int x1 = image.getWidth() * (column + 1) / 4;
        int y0 = image.getHeight() * row / 4;
        int y1 = image.getHeight() * (row + 1) / 4;
        double[] sum = new double[3];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xff;
                sum[1] += (rgb >> 8) & 0xff;
                sum[2] += rgb & 0xff;
            }
        }
        double count = Math.max(1, (x1 - x0) * (y1 - y0));
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    /** A copy of {@code source} whose primary item's 9-byte {@code irot} box is replaced. */
    static Path withTransform(Path source, Path target, String type, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        int at = find(bytes, "irot");
        if (bytes[at - 1] != 9) {
            throw new IllegalStateException("the irot box is not 9 bytes long");
        }
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, bytes, at, 4);
        bytes[at + 4] = (byte) value;
        return Files.write(target, bytes);
    }

    /**
     * A copy of the iPhone file whose grid (the ImageGrid in its {@code idat}: version, flags,
     * rows - 1, columns - 1, then 16-bit output width and height) claims another output size.
     */
    static Path withGridOutput(Path source, Path target, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        int grid = find(bytes, "idat") + 4;
        if (bytes[grid + 1] != 0) {
            throw new IllegalStateException("the grid's output size is not in 16-bit fields");
        }
        bytes[grid + 4] = (byte) (width >> 8);
        bytes[grid + 5] = (byte) width;
        bytes[grid + 6] = (byte) (height >> 8);
        bytes[grid + 7] = (byte) height;
        return Files.write(target, bytes);
    }

    private static int find(byte[] bytes, String type) {
        byte[] wanted = type.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 4; i + 4 <= bytes.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no " + type + " box");
    }
}
