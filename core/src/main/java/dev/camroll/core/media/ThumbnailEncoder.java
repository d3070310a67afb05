package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_free_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;

/**
 * Encodes a finished (scaled, turned, sRGB) picture: JPEG through the JDK's encoder, WebP
 * through libwebp in the bundled FFmpeg build. The result carries no metadata: no EXIF (the
 * orientation is in the pixels), no location.
 */
final class ThumbnailEncoder {

    static final float JPEG_QUALITY = 0.85f;
    static final String WEBP_QUALITY = "80";
    private static final String WEBP_ENCODER = "libwebp";

    private ThumbnailEncoder() {}

    static byte[] encode(BufferedImage image, ThumbnailFormat format) {
        return switch (format) {
            case JPEG -> jpeg(image);
            case WEBP -> webp(image);
        };
    }

    /** Whether the bundled FFmpeg build has libwebp's encoder (it does on the platforms built). */
    static boolean webpAvailable() {
        try {
            MediaCodecs.require();
        } catch (RuntimeException e) {
            return false;
        }
        AVCodec codec = avcodec_find_encoder_by_name(WEBP_ENCODER);
        return codec != null && !codec.isNull();
    }

    private static byte[] jpeg(BufferedImage image) {
        return JpegWriter.bytes(image, JPEG_QUALITY);
    }

    private static byte[] webp(BufferedImage image) {
        MediaCodecs.require();
        AVCodec codec = avcodec_find_encoder_by_name(WEBP_ENCODER);
        if (codec == null || codec.isNull()) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNSUPPORTED_FORMAT, "this FFmpeg build has no WebP encoder");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVFrame bgr = av_frame_alloc();
        AVFrame yuv = av_frame_alloc();
        AVPacket packet = av_packet_alloc();
        SwsContext scaler = sws_alloc_context();
        AVDictionary options = new AVDictionary(null);
        try {
            context.width(width);
            context.height(height);
            context.pix_fmt(AV_PIX_FMT_YUV420P);
            context.time_base().num(1).den(25);
            av_dict_set(options, "quality", WEBP_QUALITY, 0);
            check(avcodec_open2(context, codec, options), "WebP encoder could not be opened");
            bgr.width(width).height(height).format(AV_PIX_FMT_BGR24).color_range(AVCOL_RANGE_JPEG);
            check(av_frame_get_buffer(bgr, 0), "out of native memory");
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            BytePointer plane = bgr.data(0);
            for (int y = 0; y < height; y++) {
                plane.position((long) y * bgr.linesize(0)).put(pixels, y * width * 3, width * 3);
            }
            plane.position(0);
            yuv.width(width).height(height).format(AV_PIX_FMT_YUV420P);
            scaler.flags(SWS_POINT);
            scaler.threads(1);
            check(sws_scale_frame(scaler, yuv, bgr), "picture could not be converted for WebP");
            check(avcodec_send_frame(context, yuv), "WebP encoder refused the picture");
            avcodec_send_frame(context, null);
            check(avcodec_receive_packet(context, packet), "WebP encoder gave nothing");
            byte[] encoded = new byte[packet.size()];
            packet.data().get(encoded);
            return encoded;
        } finally {
            av_dict_free(options);
            sws_free_context(scaler);
            av_packet_free(packet);
            av_frame_free(yuv);
            av_frame_free(bgr);
            avcodec_free_context(context);
        }
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, what + ": " + MediaCodecs.errorText(result));
        }
    }
}
