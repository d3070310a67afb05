package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * Converts a video or sound into an MP4 a browser plays, in this process through FFmpeg's
 * libraries: the first real video stream (for a video rendition) and the best sound stream,
 * decoded and encoded again ({@link VideoEncoding}, {@link AudioEncoding}), starting at time 0,
 * with the index ({@code moov}) moved to the front ({@code faststart}) so that a browser plays it
 * while it loads. The original is opened as the metadata reader opens it (the {@code file}
 * protocol and the indexed formats' demuxers only); reading stops at the time limit.
 */
final class Transcode {

    private Transcode() {}

    /**
     * Writes the rendition of {@code source} to {@code target} (a new file).
     *
     * @param threads how many threads the decoder and the encoder may each use
     * @param stopped asked between packets: true gives up (a {@link CancellationException})
     * @throws NoRenditionException when the file cannot be decoded, holds nothing to convert, or
     *     took longer than {@code limit}
     */
    static void run(
            Path source, Path target, RenditionKind kind, Duration limit, int threads, BooleanSupplier stopped) {
        long deadline = System.nanoTime() + limit.toNanos();
        VideoInput input;
        try {
            input = VideoInput.open(source, limit);
        } catch (NoThumbnailException e) {
            throw new NoRenditionException(NoRenditionException.Reason.UNREADABLE, e.getMessage());
        }
        try (input) {
            AVFormatContext in = input.context;
            int video = kind == RenditionKind.VIDEO_MP4 ? input.videoStream() : -1;
            int audio = bestAudioStream(input);
            if (video < 0 && audio < 0) {
                throw new NoRenditionException(
                        NoRenditionException.Reason.UNREADABLE, "the file holds no video or sound FFmpeg can read");
            }
            write(input, target, video, audio, deadline, limit, threads, stopped);
        }
    }

    private static void write(
            VideoInput input,
            Path target,
            int video,
            int audio,
            long deadline,
            Duration limit,
            int threads,
            BooleanSupplier stopped) {
        AVFormatContext in = input.context;
        String url = "file:" + target.toAbsolutePath();
        AVFormatContext out = new AVFormatContext(null);
        // The muxer reopens the file by this name for its second pass (faststart).
        check(avformat_alloc_output_context2(out, null, "mp4", url), "MP4 muxer");
        VideoEncoding picture = null;
        AudioEncoding sound = null;
        AVPacket packet = av_packet_alloc();
        try {
            long start = in.start_time();
            if (video >= 0) {
                picture = VideoEncoding.open(in, video, out, offset(in, video, start), threads);
            }
            if (audio >= 0) {
                sound = AudioEncoding.open(in, audio, out, offset(in, audio, start));
            }
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, url, AVIO_FLAG_WRITE), "the rendition could not be created");
            out.pb(io);
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "movflags", "+faststart", 0);
            int header = avformat_write_header(out, options);
            av_dict_free(options);
            check(header, "MP4 header");
            while (true) {
                if (System.nanoTime() - deadline > 0) {
                    throw pastLimit(limit);
                }
                if (stopped.getAsBoolean()) {
                    throw new CancellationException("the library is closing");
                }
                if (av_read_frame(in, packet) < 0) {
                    if (input.pastDeadline()) {
                        throw pastLimit(limit);
                    }
                    break; // the end, or damage FFmpeg cannot read past: what was read is kept
                }
                try {
                    if (picture != null && packet.stream_index() == picture.streamIndex()) {
                        picture.send(packet, out);
                    } else if (sound != null && packet.stream_index() == sound.streamIndex()) {
                        sound.send(packet, out);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (picture != null) {
                picture.finish(out);
            }
            if (sound != null) {
                sound.finish(out);
            }
            boolean nothing = picture != null ? picture.framesWritten() == 0 : sound.packetsWritten() == 0;
            if (nothing) {
                throw new NoRenditionException(
                        NoRenditionException.Reason.UNREADABLE, "no frame of the file could be decoded");
            }
            check(av_write_trailer(out), "MP4 index");
        } finally {
            av_packet_free(packet);
            if (picture != null) {
                picture.close();
            }
            if (sound != null) {
                sound.close();
            }
            if (out.pb() != null) {
                avio_closep(out.pb());
            }
            avformat_free_context(out);
        }
    }

    /** The best sound stream of a file (the default track), or -1. */
    static int bestAudioStream(VideoInput input) {
        int index = av_find_best_stream(input.context, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
        return index >= 0 ? index : -1;
    }

    /** The file's start time in a stream's time base: it becomes 0 in the rendition. */
    private static long offset(AVFormatContext in, int stream, long start) {
        if (start == AV_NOPTS_VALUE) {
            return 0;
        }
        return av_rescale_q(
                start, av_make_q(1, AV_TIME_BASE), in.streams(stream).time_base());
    }

    private static NoRenditionException pastLimit(Duration limit) {
        return new NoRenditionException(
                NoRenditionException.Reason.TIME_LIMIT,
                "converting the file took longer than the limit of " + limit.toMinutes() + " minutes");
    }

    /** Turns FFmpeg's failure codes into the rendition's error. */
    static void check(int result, String what) {
        if (result < 0) {
            throw new NoRenditionException(
                    NoRenditionException.Reason.UNREADABLE, what + ": " + MediaCodecs.errorText(result));
        }
    }
}
