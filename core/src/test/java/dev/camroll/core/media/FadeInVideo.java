package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An MP4 (MPEG-4 video, 10 frames a second) that is black for its first seconds, as a video that
 * fades in or starts with the lens covered, then shows a red top-left quadrant on blue; with a
 * display matrix when asked. Written in this process through FFmpeg's libraries.
 */
final class FadeInVideo {

    private static final int RATE = 10;

    private FadeInVideo() {}

    /**
     * @param blackSeconds how long the picture stays black
     * @param quarterTurnClockwise whether to write the display matrix of a phone filming upright
     *     (QuickTime's 0 1 / -1 0, which players show turned a quarter clockwise)
     */
    static Path write(
            Path target, int width, int height, double seconds, double blackSeconds, boolean quarterTurnClockwise) {
        av_log_set_level(AV_LOG_ERROR);
        AVFormatContext output = new AVFormatContext(null);
        check(avformat_alloc_output_context2(output, null, "mp4", target.toString()), "container");
        AVCodec codec = avcodec_find_encoder_by_name("mpeg4");
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        try {
            context.width(width)
                    .height(height)
                    .pix_fmt(AV_PIX_FMT_YUV420P)
                    .gop_size(RATE)
                    .bit_rate(400_000);
            context.time_base(av_make_q(1, RATE)).framerate(av_make_q(RATE, 1));
            context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            check(avcodec_open2(context, codec, (AVDictionary) null), "encoder");
            AVStream stream = avformat_new_stream(output, null);
            stream.time_base(context.time_base());
            check(avcodec_parameters_from_context(stream.codecpar(), context), "parameters");
            if (quarterTurnClockwise) {
                uprightPhoneMatrix(stream);
            }
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open");
            output.pb(io);
            check(avformat_write_header(output, (AVDictionary) null), "header");
            long frames = Math.round(seconds * RATE);
            for (long i = 0; i < frames; i++) {
                AVFrame frame = picture(context, i, i < blackSeconds * RATE);
                encode(output, context, stream, packet, frame);
                av_frame_free(frame);
            }
            encode(output, context, stream, packet, null);
            check(av_write_trailer(output), "trailer");
            return target;
        } finally {
            av_packet_free(packet);
            avcodec_free_context(context);
            if (output.pb() != null) {
                avio_closep(output.pb());
            }
            avformat_free_context(output);
        }
    }

    private static void encode(
            AVFormatContext output, AVCodecContext context, AVStream stream, AVPacket packet, AVFrame frame) {
        check(avcodec_send_frame(context, frame), "encode");
        while (avcodec_receive_packet(context, packet) == 0) {
            if (packet.duration() <= 0) {
                packet.duration(1);
            }
            av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(output, packet), "write");
        }
    }

    /** Black, or the quadrant picture of {@link TestPictures#quadrant} in limited-range BT.601. */
    private static AVFrame picture(AVCodecContext context, long index, boolean black) {
        AVFrame frame = av_frame_alloc();
        frame.format(context.pix_fmt()).width(context.width()).height(context.height());
        check(av_frame_get_buffer(frame, 0), "frame");
        for (int plane = 0; plane < 3; plane++) {
            int shift = plane == 0 ? 0 : 1;
            int width = context.width() >> shift;
            int height = context.height() >> shift;
            BytePointer data = frame.data(plane);
            byte[] row = new byte[width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean corner = x < width / 2 && y < height / 2;
                    int value = black
                            ? (plane == 0 ? 16 : 128)
                            : switch (plane) {
                                case 0 -> corner ? 87 : 63;
                                case 1 -> corner ? 97 : 210;
                                default -> corner ? 220 : 106;
                            };
                    row[x] = (byte) value;
                }
                data.position((long) y * frame.linesize(plane)).put(row, 0, width);
            }
            data.position(0);
        }
        frame.pts(index);
        return frame;
    }

    /** The matrix entries themselves, as a phone writes them, not derived through FFmpeg's angle helpers. */
    private static void uprightPhoneMatrix(AVStream stream) {
        PointerPointer<AVPacketSideData> list = new PointerPointer<>(1);
        list.put(0, stream.codecpar().coded_side_data());
        IntPointer count = new IntPointer(1).put(stream.codecpar().nb_coded_side_data());
        AVPacketSideData added = av_packet_side_data_new(list, count, AV_PKT_DATA_DISPLAYMATRIX, 9 * 4, 0);
        new IntPointer(added.data()).put(new int[] {0, 1 << 16, 0, -(1 << 16), 0, 0, 0, 0, 1 << 30});
        stream.codecpar().coded_side_data(new AVPacketSideData(list.get(0)));
        stream.codecpar().nb_coded_side_data(count.get());
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException(what + " failed: " + result);
        }
    }
}
