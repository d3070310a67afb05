package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import java.util.function.IntBinaryOperator;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Writes an AVIF still with an alpha plane in this process, as FFmpeg's AVIF muxer makes one from
 * two AV1 pictures (libaom): the colour picture is the primary item, the second stream becomes an
 * auxiliary item of type {@code urn:mpeg:mpegB:cicp:systems:auxiliary:alpha} referring to it by
 * {@code auxl}, the layout AVIF (and the HEIF standard's alpha planes) define.
 */
final class TransparentAvif {

    private TransparentAvif() {}

    /**
     * @param luma the colour picture's luma (limited range; chroma is neutral: a grey picture)
     * @param opacity the alpha at (x, y), 0 transparent to 255 opaque
     */
    static Path write(Path target, int width, int height, int luma, IntBinaryOperator opacity) {
        AVFormatContext output = new AVFormatContext(null);
        check(avformat_alloc_output_context2(output, null, "avif", target.toString()), "container");
        AVCodecContext colour = null;
        AVCodecContext alpha = null;
        try {
            colour = encoder(width, height, AV_PIX_FMT_YUV420P);
            alpha = encoder(width, height, AV_PIX_FMT_GRAY8);
            AVStream colourStream = stream(output, colour);
            AVStream alphaStream = stream(output, alpha);
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open " + target);
            output.pb(io);
            check(avformat_write_header(output, (AVDictionary) null), "header");
            encode(output, colour, colourStream, picture(colour, (x, y) -> luma, true));
            encode(output, alpha, alphaStream, picture(alpha, opacity, false));
            encode(output, colour, colourStream, null);
            encode(output, alpha, alphaStream, null);
            check(av_write_trailer(output), "trailer");
            return target;
        } finally {
            avcodec_free_context(colour);
            avcodec_free_context(alpha);
            if (output.pb() != null) {
                avio_closep(output.pb());
            }
            avformat_free_context(output);
        }
    }

    private static AVCodecContext encoder(int width, int height, int pixelFormat) {
        AVCodec codec = avcodec_find_encoder_by_name("libaom-av1");
        AVCodecContext context = avcodec_alloc_context3(codec);
        context.width(width);
        context.height(height);
        context.pix_fmt(pixelFormat);
        context.color_range(AVCOL_RANGE_JPEG);
        context.time_base(av_make_q(1, 10));
        context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "still-picture", "1", 0);
        av_dict_set(options, "cpu-used", "8", 0);
        av_dict_set(options, "crf", "10", 0);
        check(avcodec_open2(context, codec, options), "open libaom-av1");
        av_dict_free(options);
        return context;
    }

    private static AVStream stream(AVFormatContext output, AVCodecContext context) {
        AVStream stream = avformat_new_stream(output, null);
        stream.time_base(context.time_base());
        check(avcodec_parameters_from_context(stream.codecpar(), context), "parameters");
        return stream;
    }

    private static AVFrame picture(AVCodecContext context, IntBinaryOperator value, boolean chroma) {
        AVFrame frame = av_frame_alloc();
        frame.format(context.pix_fmt());
        frame.width(context.width());
        frame.height(context.height());
        frame.color_range(AVCOL_RANGE_JPEG);
        check(av_frame_get_buffer(frame, 0), "frame");
        BytePointer luma = frame.data(0);
        for (int y = 0; y < context.height(); y++) {
            for (int x = 0; x < context.width(); x++) {
                luma.put((long) y * frame.linesize(0) + x, (byte) value.applyAsInt(x, y));
            }
        }
        if (chroma) {
            for (int plane = 1; plane <= 2; plane++) {
                BytePointer data = frame.data(plane);
                for (int y = 0; y < (context.height() + 1) / 2; y++) {
                    for (int x = 0; x < (context.width() + 1) / 2; x++) {
                        data.put((long) y * frame.linesize(plane) + x, (byte) 128);
                    }
                }
            }
        }
        frame.pts(0);
        return frame;
    }

    private static void encode(AVFormatContext output, AVCodecContext context, AVStream stream, AVFrame frame) {
        check(avcodec_send_frame(context, frame), "encode");
        if (frame != null) {
            av_frame_free(frame);
        }
        AVPacket packet = av_packet_alloc();
        try {
            while (avcodec_receive_packet(context, packet) == 0) {
                if (packet.duration() <= 0) {
                    packet.duration(1);
                }
                av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
                packet.stream_index(stream.index());
                check(av_interleaved_write_frame(output, packet), "write");
            }
        } finally {
            av_packet_free(packet);
        }
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException(what + " failed: " + result);
        }
    }
}
