package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One video or audio file opened with FFmpeg's demuxers, bounded as the metadata reader bounds
 * them: only the {@code file} protocol, only the demuxers of the formats Camroll indexes (no
 * playlist can make FFmpeg open a URL or another file), a limited probe, and an interrupt
 * callback that stops FFmpeg at a deadline.
 */
final class VideoInput implements AutoCloseable {

    static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    private static final String DEMUXERS = "mov,matroska,webm,avi,mpegts,mp3,wav,flac,ogg,aac";

    /** Stops FFmpeg once the deadline in the opaque pointer (System.nanoTime) has passed. */
    private static final AVIOInterruptCB.Callback_Pointer PAST_DEADLINE = new AVIOInterruptCB.Callback_Pointer() {
        @Override
        public int call(Pointer opaque) {
            return System.nanoTime() - new LongPointer(opaque).get() > 0 ? 1 : 0;
        }
    };

    final AVFormatContext context;
    private final LongPointer deadline;

    private VideoInput(AVFormatContext context, LongPointer deadline) {
        this.context = context;
        this.deadline = deadline;
    }

    static VideoInput open(Path file) {
        return open(file, TIME_LIMIT);
    }

    /** Opens a file whose reading FFmpeg stops once {@code limit} has passed (a transcode needs longer). */
    static VideoInput open(Path file, Duration limit) {
        return open(file, limit, true);
    }

    /**
     * Opens a HEIF still: its items' parameters come from the container's boxes, so FFmpeg is not
     * asked to decode ahead for stream information (a 48-tile grid would be read twice).
     */
    static VideoInput openStill(Path file) {
        return open(file, TIME_LIMIT, false);
    }

    private static VideoInput open(Path file, Duration limit, boolean streamInfo) {
        MediaCodecs.require();
        LongPointer deadline = new LongPointer(1);
        deadline.put(System.nanoTime() + limit.toNanos());
        AVFormatContext context = avformat_alloc_context();
        if (context == null) {
            deadline.close();
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "out of native memory");
        }
        context.interrupt_callback().callback(PAST_DEADLINE);
        context.interrupt_callback().opaque(deadline);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "protocol_whitelist", "file", 0);
        av_dict_set(options, "format_whitelist", DEMUXERS, 0);
        av_dict_set(options, "probesize", "5000000", 0);
        av_dict_set(options, "analyzeduration", "5000000", 0);
        // On failure FFmpeg frees the context itself.
        int opened = avformat_open_input(context, "file:" + file.toAbsolutePath(), null, options);
        av_dict_free(options);
        if (opened < 0) {
            deadline.close();
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, "container not readable: " + MediaCodecs.errorText(opened));
        }
        VideoInput input = new VideoInput(context, deadline);
        if ((!streamInfo || avformat_find_stream_info(context, (PointerPointer<?>) null) < 0)
                && context.nb_streams() == 0) {
            input.close();
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "container has no readable stream");
        }
        return input;
    }

    /** The index of the first real video stream (cover art does not count), or -1. */
    int videoStream() {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                    && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the cover art stream (an attached picture), or -1. */
    int coverArtStream() {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if ((stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0
                    && stream.attached_pic().size() > 0) {
                return i;
            }
        }
        return -1;
    }

    /** The clockwise degrees (0, 90, 180, 270) the stream's display matrix turns its pictures by. */
    int clockwiseRotation(int streamIndex) {
        AVCodecParameters parameters = context.streams(streamIndex).codecpar();
        AVPacketSideData matrix = av_packet_side_data_get(
                parameters.coded_side_data(), parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (matrix == null || matrix.isNull() || matrix.size() < 9 * 4 || matrix.data() == null) {
            return 0;
        }
        double counterClockwise = av_display_rotation_get(new IntPointer(matrix.data()));
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        // FFmpeg's matrix angle is counter-clockwise; players turn the picture the other way.
        return Math.floorMod((int) Math.round(-counterClockwise / 90.0) * 90, 360);
    }

    /** Whether the time limit has passed (FFmpeg then stops reading). */
    boolean pastDeadline() {
        return System.nanoTime() - deadline.get() > 0;
    }

    @Override
    public void close() {
        avformat_close_input(context);
        deadline.close();
    }
}
