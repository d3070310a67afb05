package dev.camroll.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Turns stored pixels the way they are meant to be shown: EXIF orientations 1 to 8 (the camera
 * was held sideways, or the picture is mirrored), and the clockwise rotations of a video's
 * display matrix. Thumbnails carry no EXIF, so the pixels themselves must be turned.
 */
final class Orientation {

    private Orientation() {}

    /** The EXIF orientation that turns a picture by {@code degrees} clockwise (multiples of 90). */
    static int ofClockwiseRotation(int degrees) {
        return switch (Math.floorMod(degrees, 360)) {
            case 90 -> 6;
            case 180 -> 3;
            case 270 -> 8;
            default -> 1;
        };
    }

    /** Applies EXIF orientation {@code orientation} to a BGR picture; 1 and unknown values keep it. */
    static BufferedImage apply(BufferedImage stored, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return stored;
        }
        int width = stored.getWidth();
        int height = stored.getHeight();
        boolean swap = orientation >= 5;
        int outWidth = swap ? height : width;
        int outHeight = swap ? width : height;
        byte[] in = ((DataBufferByte) stored.getRaster().getDataBuffer()).getData();
        BufferedImage shown = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = ((DataBufferByte) shown.getRaster().getDataBuffer()).getData();
        int o = 0;
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = width - 1 - x;
                        sy = y;
                    }
                    case 3 -> {
                        sx = width - 1 - x;
                        sy = height - 1 - y;
                    }
                    case 4 -> {
                        sx = x;
                        sy = height - 1 - y;
                    }
                    case 5 -> {
                        sx = y;
                        sy = x;
                    }
                    case 6 -> {
                        sx = y;
                        sy = height - 1 - x;
                    }
                    case 7 -> {
                        sx = width - 1 - y;
                        sy = height - 1 - x;
                    }
                    default -> {
                        sx = width - 1 - y;
                        sy = x;
                    }
                }
                int i = (sy * width + sx) * 3;
                out[o++] = in[i];
                out[o++] = in[i + 1];
                out[o++] = in[i + 2];
            }
        }
        return shown;
    }
}
