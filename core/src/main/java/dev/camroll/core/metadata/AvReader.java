package dev.camroll.core.metadata;

import dev.camroll.api.MediaType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads video and audio through ffprobe's JSON. */
final class AvReader {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_JSON_BYTES = 8 << 20;

    /** Local date-times with an optional offset, "T" or space between date and time. */
    private static final DateTimeFormatter CONTAINER_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd")
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private AvReader() {}

    /** The ffprobe JSON of a file, or null with a warning. */
    static Object probeJson(Path file, List<String> extraArguments, FactsBuilder out) {
        FfmpegTools tools = FfmpegTools.get();
        if (!tools.hasFfprobe()) {
            try {
                tools.ffprobe();
            } catch (FfmpegUnavailableException e) {
                out.warn("duration and size not read: " + e.getMessage());
            }
            return null;
        }
        List<String> arguments = new java.util.ArrayList<>(
                List.of("-v", "error", "-print_format", "json", "-show_format", "-show_streams"));
        arguments.addAll(extraArguments);
        arguments.add("file:" + file.toAbsolutePath());
        FfmpegTools.Result result;
        try {
            result = FfmpegTools.run(tools.ffprobe(), arguments, TIMEOUT, MAX_JSON_BYTES);
        } catch (IOException e) {
            out.warn("ffprobe could not be started: " + MediaProbe.describe(e));
            return null;
        }
        if (result.timedOut()) {
            out.warn("ffprobe gave no answer within " + TIMEOUT.toSeconds() + " s and was stopped");
            return null;
        }
        String error = result.firstErrorLine();
        if (result.exitCode() != 0) {
            out.warn("ffprobe could not read the file" + (error.isEmpty() ? "" : ": " + error));
            return null;
        }
        if (!error.isEmpty()) {
            out.warn("ffprobe: " + error);
        }
        try {
            return Json.parse(result.stdoutText());
        } catch (IllegalArgumentException e) {
            out.warn("ffprobe output could not be parsed: " + e.getMessage());
            return null;
        }
    }

    static void read(Path file, FactsBuilder out) {
        Object json = probeJson(file, List.of(), out);
        if (json == null) {
            return;
        }
        Map<String, Object> format = Json.object(json, "format");
        List<Object> streams = Json.array(json, "streams");
        Map<?, ?> video = null;
        boolean hasAudio = false;
        double longestStream = 0;
        for (Object stream : streams) {
            if (!(stream instanceof Map<?, ?> map)) {
                continue;
            }
            String type = Json.string(map, "codec_type");
            boolean attachedPicture = Json.number(Json.object(map, "disposition"), "attached_pic") == 1;
            if ("video".equals(type) && !attachedPicture) {
                if (video == null
                        || Json.number(Json.object(map, "disposition"), "default") == 1
                                && Json.number(Json.object(video, "disposition"), "default") != 1) {
                    video = map;
                }
            } else if ("audio".equals(type)) {
                hasAudio = true;
            }
            if (("video".equals(type) && !attachedPicture) || "audio".equals(type)) {
                double duration = Json.number(map, "duration");
                if (duration > longestStream) {
                    longestStream = duration;
                }
            }
        }
        if (video != null) {
            out.mediaType = MediaType.VIDEO;
            out.size((int) Json.number(video, "width"), (int) Json.number(video, "height"), "video stream");
            out.rotation = rotationOf(video);
            out.rotationFromContainer = true;
            String transfer = Json.string(video, "color_transfer");
            out.hdr = "smpte2084".equals(transfer) || "arib-std-b67".equals(transfer);
        } else if (hasAudio) {
            out.mediaType = MediaType.AUDIO;
        } else {
            out.warn("no audio or video stream found");
        }
        double duration = Json.number(format, "duration");
        if (!(duration > 0) || Double.isInfinite(duration)) {
            duration = longestStream;
        }
        out.durationSeconds = duration > 0 && Double.isFinite(duration) ? duration : 0;
        out.capturedAt = creationTime(format, streams, out);
    }

    /**
     * The size of a still image that metadata-extractor could not measure (HEIF, AVIF, CR3): the
     * largest picture ffprobe finds among the streams and stream groups (a HEIF tile grid).
     */
    static void readImageSize(Path file, FactsBuilder out) {
        Object json = probeJson(file, List.of("-show_stream_groups"), out);
        if (json == null) {
            return;
        }
        int[] best = {0, 0};
        largestPicture(json, best, 0);
        out.size(best[0], best[1], "ffprobe");
    }

    private static void largestPicture(Object node, int[] best, int depth) {
        if (depth > 16) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            double width = Json.number(map, "width");
            double height = Json.number(map, "height");
            if (width > 0 && height > 0 && width * height > (double) best[0] * best[1] && width < 1e6 && height < 1e6) {
                best[0] = (int) width;
                best[1] = (int) height;
            }
            for (Object value : map.values()) {
                largestPicture(value, best, depth + 1);
            }
        } else if (node instanceof List<?> list) {
            for (Object value : list) {
                largestPicture(value, best, depth + 1);
            }
        }
    }

    /** Display rotation in degrees (0, 90, 180 or 270), from the display matrix or a rotate tag. */
    private static int rotationOf(Map<?, ?> video) {
        double degrees = Double.NaN;
        for (Object sideData : Json.array(video, "side_data_list")) {
            double value = Json.number(sideData, "rotation");
            if (!Double.isNaN(value)) {
                degrees = value;
                break;
            }
        }
        if (Double.isNaN(degrees)) {
            degrees = Json.number(Json.object(video, "tags"), "rotate");
        }
        if (Double.isNaN(degrees)) {
            return 0;
        }
        long quarter = Math.round(degrees / 90.0);
        return (int) (((quarter % 4) + 4) % 4) * 90;
    }

    private static Long creationTime(Map<String, Object> format, List<Object> streams, FactsBuilder out) {
        Map<String, Object> tags = Json.object(format, "tags");
        String apple = tag(tags, "com.apple.quicktime.creationdate");
        Long time = parseContainerTime(apple, out);
        if (time == null) {
            time = parseContainerTime(tag(tags, "creation_time"), out);
        }
        if (time == null) {
            for (Object stream : streams) {
                time = parseContainerTime(tag(Json.object(stream, "tags"), "creation_time"), null);
                if (time != null) {
                    break;
                }
            }
        }
        return time;
    }

    private static String tag(Map<String, Object> tags, String name) {
        for (Map.Entry<String, Object> entry : tags.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
                return entry.getValue().toString();
            }
        }
        return null;
    }

    /**
     * A container time ("2024-05-06T07:08:09.000000Z", "2024-05-06T09:08:09+0200", "2024-05-06
     * 07:08:09") as epoch ms. Times without an offset are UTC, as the containers define them. The
     * zero times some writers leave (1904, 1970) count as absent.
     */
    static Long parseContainerTime(String text, FactsBuilder out) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        long millis;
        try {
            var parsed = CONTAINER_TIME.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offsetTime) {
                millis = offsetTime.toInstant().toEpochMilli();
            } else {
                millis = ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        } catch (DateTimeParseException e) {
            if (out != null) {
                out.warn("creation time '" + trimmed + "' is not a date");
            }
            return null;
        }
        return millis > 0 ? millis : null;
    }
}
