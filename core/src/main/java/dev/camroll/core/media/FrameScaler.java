package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_ALPHA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_free_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;

/**
 * Scales a decoded frame with libswscale straight to the thumbnail's size, in 8-bit BGR as a
 * {@link BufferedImage} (the form Java's colour conversion and encoders take). swscale reads the
 * frame's own range and colour matrix, so full-range JPEG YUV and limited-range video come out
 * alike. Transparent pixels are laid over white, since JPEG has no alpha: a PNG's or WebP's
 * alpha channel, and a HEIF's or AVIF's alpha plane (an item of its own, scaled to the same size).
 */
final class FrameScaler {

    private FrameScaler() {}

    static BufferedImage scale(AVFrame source, int width, int height) {
        boolean alpha = hasAlpha(source.format());
        AVFrame target = av_frame_alloc();
        SwsContext scaler = sws_alloc_context();
        try {
            if (target == null || scaler == null) {
                throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "out of native memory");
            }
            target.width(width);
            target.height(height);
            target.format(alpha ? AV_PIX_FMT_BGRA : AV_PIX_FMT_BGR24);
            target.color_range(AVCOL_RANGE_JPEG);
            scaler.flags(SWS_BICUBIC);
            scaler.threads(1);
            int scaled = sws_scale_frame(scaler, target, source);
            if (scaled < 0) {
                throw new NoThumbnailException(
                        NoThumbnailException.Reason.UNREADABLE,
                        "picture could not be scaled: " + MediaCodecs.errorText(scaled));
            }
            return alpha ? overWhite(target, width, height) : copyBgr(target, width, height);
        } finally {
            sws_free_context(scaler);
            av_frame_free(target);
        }
    }

    /**
     * The picture {@code colour} laid over white through {@code alpha}, a picture of its own (a
     * HEIF's auxiliary alpha item, whose luma is the opacity), both scaled to {@code width} x
     * {@code height}.
     *
     * @param premultiplied whether the colours are already multiplied by the alpha (HEIF's prem)
     */
    static BufferedImage scaleOverWhite(AVFrame colour, AVFrame alpha, boolean premultiplied, int width, int height) {
        BufferedImage image = scale(colour, width, height);
        byte[] opacity = gray(alpha, width, height);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < opacity.length; i++) {
            int a = opacity[i] & 0xff;
            int white = 255 * (255 - a);
            for (int c = i * 3; c < i * 3 + 3; c++) {
                int value = pixels[c] & 0xff;
                int laid = premultiplied ? value * 255 + white : value * a + white;
                pixels[c] = (byte) Math.min(255, (laid + 127) / 255);
            }
        }
        return image;
    }

    /** The luma of a frame at another size, in full range (0 transparent, 255 opaque). */
    private static byte[] gray(AVFrame source, int width, int height) {
        AVFrame target = av_frame_alloc();
        SwsContext scaler = sws_alloc_context();
        try {
            if (target == null || scaler == null) {
                throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "out of native memory");
            }
            target.width(width);
            target.height(height);
            target.format(AV_PIX_FMT_GRAY8);
            target.color_range(AVCOL_RANGE_JPEG);
            scaler.flags(SWS_BICUBIC);
            scaler.threads(1);
            int scaled = sws_scale_frame(scaler, target, source);
            if (scaled < 0) {
                throw new NoThumbnailException(
                        NoThumbnailException.Reason.UNREADABLE,
                        "the alpha plane could not be scaled: " + MediaCodecs.errorText(scaled));
            }
            byte[] values = new byte[width * height];
            BytePointer data = target.data(0);
            for (int y = 0; y < height; y++) {
                data.position((long) y * target.linesize(0)).get(values, y * width, width);
            }
            return values;
        } finally {
            sws_free_context(scaler);
            av_frame_free(target);
        }
    }

    private static boolean hasAlpha(int pixelFormat) {
        AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(pixelFormat);
        return descriptor != null && (descriptor.flags() & AV_PIX_FMT_FLAG_ALPHA) != 0;
    }

    private static BufferedImage copyBgr(AVFrame frame, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        BytePointer data = frame.data(0);
        int stride = frame.linesize(0);
        int row = width * 3;
        for (int y = 0; y < height; y++) {
            data.position((long) y * stride).get(pixels, y * row, row);
        }
        return image;
    }

    private static BufferedImage overWhite(AVFrame frame, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        BytePointer data = frame.data(0);
        int stride = frame.linesize(0);
        byte[] row = new byte[width * 4];
        for (int y = 0; y < height; y++) {
            data.position((long) y * stride).get(row, 0, row.length);
            int out = y * width * 3;
            for (int x = 0; x < width; x++) {
                int a = row[x * 4 + 3] & 0xff;
                for (int c = 0; c < 3; c++) {
                    int value = row[x * 4 + c] & 0xff;
                    pixels[out++] = (byte) ((value * a + 255 * (255 - a) + 127) / 255);
                }
            }
        }
        return image;
    }
}
