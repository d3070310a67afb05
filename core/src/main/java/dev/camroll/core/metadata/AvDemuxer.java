package dev.camroll.core.metadata;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEFAULT;
import static org.bytedeco.ffmpeg.global.avformat.AV_STREAM_GROUP_PARAMS_TILE_GRID;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_color_transfer_name;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_iterate;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.AVStreamGroup;
import org.bytedeco.ffmpeg.avformat.AVStreamGroupTileGrid;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Opens one file with FFmpeg's demuxers in this process and describes its container and streams.
 *
 * <p>Bounded, because the files are anyone's: only the {@code file} protocol is allowed (a
 * playlist cannot make FFmpeg open a URL or another protocol), only the demuxers of the formats
 * {@link ContentSniffer} recognises (no playlist or concat demuxer at all), the probe reads at
 * most {@link #PROBE_BYTES} bytes and {@link #ANALYZE_MICROSECONDS} of media to learn what the
 * headers leave out, and an interrupt callback stops FFmpeg at {@link #TIME_LIMIT}. FFmpeg's own
 * demuxers check declared box, chunk and element lengths against what they read.
 */
final class AvDemuxer {

    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    static final long PROBE_BYTES = 5_000_000;
    static final long ANALYZE_MICROSECONDS = 5_000_000;

    /** FFmpeg's names of the demuxers of the formats the sniffer lets through. */
    private static final String DEMUXERS = "mov,matroska,webm,avi,mpegts,mp3,wav,flac,ogg,aac";

    private static final int MAX_TAGS = 256;
    private static final int MAX_TAG_CHARS = 4096;

    /** What reading one file gave. */
    sealed interface Outcome {
        record Read(AvContainer container, List<String> warnings) implements Outcome {}

        record Failed(String reason) implements Outcome {}
    }

    /**
     * Asks FFmpeg to stop once the deadline in the opaque pointer (System.nanoTime) has passed.
     * One instance for the process: each file passes its own deadline, and a callback made per
     * file would cost a native thunk each time.
     */
    private static final AVIOInterruptCB.Callback_Pointer PAST_DEADLINE = new AVIOInterruptCB.Callback_Pointer() {
        @Override
        public int call(Pointer opaque) {
            return System.nanoTime() - new LongPointer(opaque).get() > 0 ? 1 : 0;
        }
    };

    private AvDemuxer() {}

    /** Reads the container of a file; FFmpeg's libraries must be loaded. Never throws for the file. */
    static Outcome read(Path file) {
        return read(file, TIME_LIMIT);
    }

    /** {@link #read(Path)} with another time limit. */
    static Outcome read(Path file, Duration limit) {
        FfmpegLibraries.require();
        long deadline = System.nanoTime() + limit.toNanos();
        try (LongPointer deadlineCell = new LongPointer(1)) {
            deadlineCell.put(deadline);
            AVFormatContext context = avformat_alloc_context();
            if (context == null) {
                return new Outcome.Failed("FFmpeg could not allocate a demuxer");
            }
            context.interrupt_callback().callback(PAST_DEADLINE);
            context.interrupt_callback().opaque(deadlineCell);
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "protocol_whitelist", "file", 0);
            av_dict_set(options, "format_whitelist", DEMUXERS, 0);
            av_dict_set(options, "probesize", Long.toString(PROBE_BYTES), 0);
            av_dict_set(options, "analyzeduration", Long.toString(ANALYZE_MICROSECONDS), 0);
            // On failure FFmpeg frees the context itself.
            int opened = avformat_open_input(context, "file:" + file.toAbsolutePath(), null, options);
            av_dict_free(options);
            if (opened < 0) {
                return new Outcome.Failed(
                        System.nanoTime() - deadline > 0 ? tooSlow(limit) : "not readable: " + errorText(opened));
            }
            try {
                List<String> warnings = new ArrayList<>();
                int found = avformat_find_stream_info(context, (PointerPointer<?>) null);
                if (found < 0) {
                    warnings.add(
                            System.nanoTime() - deadline > 0
                                    ? tooSlow(limit)
                                    : "streams not fully read: " + errorText(found));
                }
                return new Outcome.Read(describe(context), warnings);
            } finally {
                avformat_close_input(context);
            }
        }
    }

    private static String tooSlow(Duration limit) {
        return "reading took longer than " + limit.toMillis() / 1000.0 + " s and was stopped";
    }

    private static AvContainer describe(AVFormatContext context) {
        List<AvStream> streams = new ArrayList<>();
        for (int i = 0; i < context.nb_streams(); i++) {
            streams.add(stream(i, context.streams(i)));
        }
        long duration = context.duration();
        return new AvContainer(
                text(context.iformat().name()),
                text(context.iformat().long_name()),
                duration == AV_NOPTS_VALUE || duration <= 0 ? Double.NaN : duration / 1_000_000.0,
                context.bit_rate(),
                tags(context.metadata()),
                streams,
                largestGroupPicture(context));
    }

    private static AvStream stream(int index, AVStream stream) {
        AVCodecParameters parameters = stream.codecpar();
        AvStream.Kind kind =
                switch (parameters.codec_type()) {
                    case AVMEDIA_TYPE_VIDEO -> AvStream.Kind.VIDEO;
                    case AVMEDIA_TYPE_AUDIO -> AvStream.Kind.AUDIO;
                    default -> AvStream.Kind.OTHER;
                };
        AVCodecDescriptor descriptor = avcodec_descriptor_get(parameters.codec_id());
        long duration = stream.duration();
        double timeBase = stream.time_base().den() == 0
                ? 0
                : stream.time_base().num() / (double) stream.time_base().den();
        double seconds =
                duration == AV_NOPTS_VALUE || duration <= 0 || timeBase <= 0 ? Double.NaN : duration * timeBase;
        int frameRateNum = stream.avg_frame_rate().num();
        int frameRateDen = stream.avg_frame_rate().den();
        return new AvStream(
                index,
                kind,
                text(avcodec_get_name(parameters.codec_id())),
                descriptor == null ? null : text(descriptor.long_name()),
                (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0,
                (stream.disposition() & AV_DISPOSITION_DEFAULT) != 0,
                parameters.width(),
                parameters.height(),
                rotation(parameters),
                text(av_color_transfer_name(parameters.color_trc())),
                seconds,
                frameRateNum > 0 && frameRateDen > 0 ? frameRateNum + "/" + frameRateDen : null,
                parameters.sample_rate(),
                parameters.ch_layout().nb_channels(),
                tags(stream.metadata()));
    }

    /** The display matrix's rotation (counter-clockwise degrees), NaN without one. */
    private static double rotation(AVCodecParameters parameters) {
        AVPacketSideData matrix = av_packet_side_data_get(
                parameters.coded_side_data(), parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (matrix == null || matrix.isNull() || matrix.size() < 9 * 4 || matrix.data() == null) {
            return Double.NaN;
        }
        return av_display_rotation_get(new IntPointer(matrix.data()));
    }

    private static int[] largestGroupPicture(AVFormatContext context) {
        int[] best = {0, 0};
        for (int i = 0; i < context.nb_stream_groups(); i++) {
            AVStreamGroup group = context.stream_groups(i);
            if (group == null || group.type() != AV_STREAM_GROUP_PARAMS_TILE_GRID) {
                continue;
            }
            AVStreamGroupTileGrid grid = group.params_tile_grid();
            if (grid != null
                    && grid.width() > 0
                    && grid.height() > 0
                    && (long) grid.width() * grid.height() > (long) best[0] * best[1]) {
                best[0] = grid.width();
                best[1] = grid.height();
            }
        }
        return best;
    }

    private static Map<String, String> tags(AVDictionary dictionary) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (dictionary == null || dictionary.isNull()) {
            return tags;
        }
        AVDictionaryEntry entry = null;
        while (tags.size() < MAX_TAGS && (entry = av_dict_iterate(dictionary, entry)) != null && !entry.isNull()) {
            String key = text(entry.key());
            String value = text(entry.value());
            if (key != null && value != null) {
                tags.putIfAbsent(key, value.length() > MAX_TAG_CHARS ? value.substring(0, MAX_TAG_CHARS) : value);
            }
        }
        return tags;
    }

    private static String text(BytePointer pointer) {
        return pointer == null || pointer.isNull() ? null : pointer.getString(StandardCharsets.UTF_8);
    }

    private static String errorText(int code) {
        try (BytePointer message = new BytePointer(256)) {
            av_strerror(code, message, 256);
            return message.getString(StandardCharsets.UTF_8);
        }
    }
}
