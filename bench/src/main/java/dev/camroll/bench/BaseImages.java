package dev.camroll.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The pool of encoded pictures that generated files share: a few sizes, each drawn several times
 * with different content. Encoding once per pool entry, not once per file, is what makes tens of
 * thousands of files a matter of seconds.
 */
final class BaseImages {
    /** Landscape and portrait sizes between 320x240 and 640x480. */
    private static final int[][] SIZES = {
        {320, 240},
        {400, 300},
        {480, 360},
        {512, 384},
        {640, 480},
        {600, 400},
        {640, 360},
        {240, 320},
        {360, 480},
        {480, 640},
        {384, 512},
        {400, 600}
    };

    /** One pool entry: the image as it follows the metadata segments. */
    record Base(int width, int height, byte[] body, int quantOffset) {}

    private BaseImages() {}

    static List<Base> create(int poolSize, long seed) {
        return IntStream.range(0, poolSize)
                .parallel()
                .mapToObj(i -> create(i, new SplittableRandom(Seeds.mix(seed, 0x5EED_0000L + i))))
                .toList();
    }

    private static Base create(int index, SplittableRandom random) {
        int[] size = SIZES[index % SIZES.length];
        BufferedImage image = draw(size[0], size[1], random);
        float quality = 0.72f + 0.2f * (float) random.nextDouble();
        byte[] body = JpegBytes.bodyWithoutJfif(JpegBytes.encode(image, quality));
        int quantOffset = JpegBytes.lumaQuantTableOffset(body);
        return new Base(size[0], size[1], body, quantOffset);
    }

    /** A scene of sky, ground, shapes and grain: enough detail for realistic JPEG sizes. */
    private static BufferedImage draw(int width, int height, SplittableRandom random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int horizon = height / 3 + random.nextInt(height / 3);
            g.setPaint(new GradientPaint(0, 0, color(random), 0, horizon, color(random)));
            g.fillRect(0, 0, width, horizon);
            g.setPaint(new GradientPaint(0, horizon, color(random), width, height, color(random)));
            g.fillRect(0, horizon, width, height - horizon);
            int shapes = 12 + random.nextInt(30);
            for (int s = 0; s < shapes; s++) {
                g.setColor(new Color(random.nextInt(0x1000000) | (80 + random.nextInt(150)) << 24, true));
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int w = 8 + random.nextInt(width / 3);
                int h = 8 + random.nextInt(height / 3);
                switch (random.nextInt(3)) {
                    case 0 -> g.fillOval(x - w / 2, y - h / 2, w, h);
                    case 1 -> g.fillRect(x - w / 2, y - h / 2, w, h);
                    default -> {
                        g.setStroke(new BasicStroke(1 + random.nextInt(6)));
                        g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
                    }
                }
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14 + random.nextInt(20)));
            g.drawString("Camroll " + Long.toHexString(random.nextLong()), 10, height - 12);
        } finally {
            g.dispose();
        }
        int grain = 6 + random.nextInt(14);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < pixels.length; p++) {
            int n = random.nextInt(grain) - grain / 2;
            int rgb = pixels[p];
            pixels[p] =
                    clamp((rgb >> 16 & 0xFF) + n) << 16 | clamp((rgb >> 8 & 0xFF) + n) << 8 | clamp((rgb & 0xFF) + n);
        }
        return image;
    }

    private static Color color(SplittableRandom random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
