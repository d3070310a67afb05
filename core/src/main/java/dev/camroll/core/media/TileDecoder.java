package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes the coded pictures of HEIF items, one packet each. The tiles of a grid share their
 * decoder configuration (the {@code hvcC} or {@code av1C}), so one decoder serves them all, reset
 * between tiles; an item of another configuration gets a decoder of its own. Each decoder
 * refuses pictures of more pixels than allowed before it allocates them.
 */
final class TileDecoder implements AutoCloseable {

    private final long maxPixels;
    private AVCodecContext context;
    private int codecId = -1;
    private byte[] extradata;

    TileDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The picture of one packet of an item of {@code parameters} (native; the caller frees it). */
    AVFrame decode(AVCodecParameters parameters, AVPacket packet) {
        AVCodecContext decoder = decoderFor(parameters);
        AVFrame frame = av_frame_alloc();
        try {
            check(avcodec_send_packet(decoder, packet), "a tile could not be decoded");
            avcodec_send_packet(decoder, null); // the whole picture is in this one packet
            check(avcodec_receive_frame(decoder, frame), "a tile could not be decoded");
            AVFrame decoded = frame;
            frame = null;
            return decoded;
        } finally {
            avcodec_flush_buffers(decoder); // ready for the next tile after the drain
            if (frame != null) {
                av_frame_free(frame);
            }
        }
    }

    private AVCodecContext decoderFor(AVCodecParameters parameters) {
        byte[] configuration = configuration(parameters);
        if (context != null && codecId == parameters.codec_id() && Arrays.equals(extradata, configuration)) {
            return context;
        }
        close();
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        if (codec == null || codec.isNull()) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNSUPPORTED_FORMAT,
                    "no decoder for this picture in FFmpeg's libraries");
        }
        context = avcodec_alloc_context3(codec);
        if (context == null) {
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "out of native memory");
        }
        check(avcodec_parameters_to_context(context, parameters), "the tile's decoder could not be set up");
        context.max_pixels(maxPixels);
        context.thread_count(1);
        check(avcodec_open2(context, codec, (AVDictionary) null), "the tile's decoder could not be opened");
        codecId = parameters.codec_id();
        extradata = configuration;
        return context;
    }

    private static byte[] configuration(AVCodecParameters parameters) {
        int size = parameters.extradata_size();
        if (size <= 0 || parameters.extradata() == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[size];
        parameters.extradata().get(bytes);
        return bytes;
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, what + ": " + MediaCodecs.errorText(result));
        }
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
    }
}
