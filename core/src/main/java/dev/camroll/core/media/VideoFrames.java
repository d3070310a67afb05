package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Frames of videos and the cover art of audio, decoded in this process through FFmpeg's
 * libraries (no executable is started), scaled to a size and turned as the display matrix says.
 * Thread-safe: each call opens the file on its own.
 */
public final class VideoFrames {

    /** Where a poster frame is taken, as a share of the duration: the first frames are often black. */
    static final double POSTER_AT = 0.10;

    /** Where else to look when the poster frame is black (a fade-in, a lens cap). */
    private static final double[] FALLBACKS = {0.25, 0.5, 0.75};

    /** FFmpeg's AVERROR(EAGAIN) on Linux: the decoder wants more input. */
    private static final int TRY_AGAIN = -11;

    /**
     * A decoded frame.
     *
     * @param image 8-bit BGR, as displayed (rotation and pixel aspect applied)
     * @param seconds the frame's time in the stream
     */
    public record Frame(BufferedImage image, double seconds) {}

    private VideoFrames() {}

    /**
     * The frame a video is shown by: the one at 10% of its duration, or a later one when that one
     * is black.
     *
     * @param longEdge the largest long edge of the result (a smaller video keeps its size)
     * @throws NoThumbnailException when the file has no video stream or cannot be decoded
     */
    public static Frame poster(Path file, int longEdge) {
        try (VideoInput input = VideoInput.open(file)) {
            double duration = input.context.duration() == AV_NOPTS_VALUE || input.context.duration() <= 0
                    ? 0
                    : input.context.duration() / (double) AV_TIME_BASE;
            Frame first = frame(input, duration * POSTER_AT, longEdge);
            if (!isBlack(first.image()) || duration <= 0) {
                return first;
            }
            for (double share : FALLBACKS) {
                Frame later = frame(input, duration * share, longEdge);
                if (!isBlack(later.image())) {
                    return later;
                }
            }
            return first;
        }
    }

    /** The frame shown at {@code seconds} (the last one when past the end). */
    public static Frame frameAt(Path file, double seconds, int longEdge) {
        try (VideoInput input = VideoInput.open(file)) {
            return frame(input, seconds, longEdge);
        }
    }

    /**
     * The cover art of an audio file (ID3 APIC, MP4 {@code covr}, FLAC and Ogg pictures), scaled.
     *
     * @throws NoThumbnailException when the file has none or it cannot be decoded
     */
    public static BufferedImage coverArt(Path file, int longEdge, long maxPixels) {
        try (VideoInput input = VideoInput.open(file)) {
            int index = input.coverArtStream();
            if (index < 0) {
                throw new NoThumbnailException(NoThumbnailException.Reason.NO_PICTURE, "the file has no cover art");
            }
            AVStream stream = input.context.streams(index);
            try (StillDecoder.Decoded decoded =
                    StillDecoder.decode(stream.attached_pic(), stream.codecpar().codec_id(), 0, maxPixels)) {
                int[] size = fit(decoded.frame().width(), decoded.frame().height(), longEdge);
                return SrgbConversion.toSrgb(
                        FrameScaler.scale(decoded.frame(), size[0], size[1]), decoded.iccProfile());
            }
        }
    }

    private static Frame frame(VideoInput input, double seconds, int longEdge) {
        int index = input.videoStream();
        if (index < 0) {
            throw new NoThumbnailException(NoThumbnailException.Reason.NO_PICTURE, "the file has no video stream");
        }
        AVStream stream = input.context.streams(index);
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNSUPPORTED_FORMAT, "no decoder for this video in FFmpeg's libraries");
        }
        AVCodecContext decoder = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            avcodec_parameters_to_context(decoder, stream.codecpar());
            decoder.thread_count(1);
            // A header claiming a huge picture is refused by the decoder before it allocates one.
            decoder.max_pixels(Thumbnailer.DEFAULT_MAX_PIXELS);
            check(avcodec_open2(decoder, codec, (AVDictionary) null), "video decoder could not be opened");
            AVRational base = stream.time_base();
            double unit = base.den() == 0 ? 0 : base.num() / (double) base.den();
            long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
            long target = unit > 0 ? start + Math.max(0, (long) (seconds / unit)) : start;
            if (seconds > 0) {
                av_seek_frame(input.context, index, target, AVSEEK_FLAG_BACKWARD);
            }
            Frame found = decodeUntil(input, decoder, packet, frame, index, target, unit, start, longEdge);
            if (found == null) {
                throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "no frame could be decoded");
            }
            return found;
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            avcodec_free_context(decoder);
        }
    }

    /**
     * Decodes from the seek point on: the first frame at or past {@code target}, else (past the
     * end) the last one. Frames before the target are only kept by reference, never scaled.
     */
    private static Frame decodeUntil(
            VideoInput input,
            AVCodecContext decoder,
            AVPacket packet,
            AVFrame frame,
            int index,
            long target,
            double unit,
            long start,
            int longEdge) {
        AVFrame previous = av_frame_alloc();
        try {
            boolean draining = false;
            while (!input.pastDeadline()) {
                if (!draining) {
                    int read = av_read_frame(input.context, packet);
                    if (read < 0) {
                        avcodec_send_packet(decoder, null);
                        draining = true;
                    } else {
                        if (packet.stream_index() == index) {
                            avcodec_send_packet(decoder, packet); // a damaged packet: the next may do
                        }
                        av_packet_unref(packet);
                    }
                }
                int received;
                while ((received = avcodec_receive_frame(decoder, frame)) >= 0) {
                    long time = timeOf(frame);
                    if (time == AV_NOPTS_VALUE || time >= target) {
                        return new Frame(
                                picture(input, frame, index, longEdge),
                                (time == AV_NOPTS_VALUE ? 0 : time - start) * unit);
                    }
                    av_frame_unref(previous);
                    av_frame_move_ref(previous, frame);
                }
                if (draining && received != TRY_AGAIN) {
                    break; // the decoder is empty
                }
            }
            if (previous.width() <= 0) {
                return null;
            }
            return new Frame(picture(input, previous, index, longEdge), (timeOf(previous) - start) * unit);
        } finally {
            av_frame_free(previous);
        }
    }

    private static long timeOf(AVFrame frame) {
        return frame.best_effort_timestamp() == AV_NOPTS_VALUE ? frame.pts() : frame.best_effort_timestamp();
    }

    private static BufferedImage picture(VideoInput input, AVFrame frame, int index, int longEdge) {
        int width = frame.width();
        int height = frame.height();
        AVRational aspect = frame.sample_aspect_ratio();
        if (aspect.num() > 0 && aspect.den() > 0 && aspect.num() != aspect.den()) {
            width = (int) Math.max(1, Math.round(width * (double) aspect.num() / aspect.den()));
        }
        int[] size = fit(width, height, longEdge);
        BufferedImage stored = FrameScaler.scale(frame, size[0], size[1]);
        return Orientation.apply(stored, Orientation.ofClockwiseRotation(input.clockwiseRotation(index)));
    }

    /** The size of a picture of {@code width} x {@code height} whose long edge is at most {@code longEdge}. */
    static int[] fit(int width, int height, int longEdge) {
        int longest = Math.max(width, height);
        if (longest <= longEdge) {
            return new int[] {Math.max(1, width), Math.max(1, height)};
        }
        double scale = longEdge / (double) longest;
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /** Nearly every pixel dark: a frame no one recognises a video by. */
    static boolean isBlack(BufferedImage image) {
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int pixelCount = pixels.length / 3;
        int dark = 0;
        for (int i = 0; i < pixels.length; i += 3) {
            if ((pixels[i] & 0xff) < 24 && (pixels[i + 1] & 0xff) < 24 && (pixels[i + 2] & 0xff) < 24) {
                dark++;
            }
        }
        return dark >= pixelCount * 0.98;
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, what + ": " + MediaCodecs.errorText(result));
        }
    }
}
