package dev.camroll.core.metadata;

import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Reads video and audio (and the size of stills metadata-extractor cannot measure) through
 * FFmpeg's libraries in this process, see {@link AvDemuxer}.
 */
final class AvReader {

    /** Tags that hold an ISO 6709 place, best first. */
    private static final List<String> LOCATION_TAGS =
            List.of("com.apple.quicktime.location.ISO6709", "location", "location-eng");

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

    /** The container of a file, or null with a warning saying why it could not be read. */
    static AvContainer container(Path file, FactsBuilder out) {
        String missing = missingLibraries();
        if (missing != null) {
            out.warn("duration and size not read: " + missing);
            return null;
        }
        return switch (AvDemuxer.read(file)) {
            case AvDemuxer.Outcome.Read(AvContainer container, List<String> warnings) -> {
                warnings.forEach(out::warn);
                yield container;
            }
            case AvDemuxer.Outcome.Failed(String reason) -> {
                out.warn("container " + reason);
                yield null;
            }
        };
    }

    /**
     * Why video and audio cannot be read in this process, or null when they can. A system
     * property can switch the libraries off, as on a machine where they do not load.
     */
    static String missingLibraries() {
        if (Boolean.getBoolean(FfmpegLibraries.DISABLED_PROPERTY)) {
            return "FFmpeg's libraries are switched off (" + FfmpegLibraries.DISABLED_PROPERTY + ")";
        }
        return FfmpegLibraries.problem();
    }

    static void read(Path file, FactsBuilder out) {
        if (missingLibraries() == null) {
            // Also for a damaged file: reading it again would give no more.
            out.readerVersion = ReaderVersions.AUDIO_VIDEO;
        }
        AvContainer container = container(file, out);
        if (container == null) {
            return;
        }
        AvStream video = null;
        boolean hasAudio = false;
        double longestStream = 0;
        for (AvStream stream : container.streams()) {
            if (stream.isMovingPicture()) {
                if (video == null || stream.defaultStream() && !video.defaultStream()) {
                    video = stream;
                }
            } else if (stream.kind() == AvStream.Kind.AUDIO) {
                hasAudio = true;
            }
            if ((stream.isMovingPicture() || stream.kind() == AvStream.Kind.AUDIO)
                    && stream.durationSeconds() > longestStream) {
                longestStream = stream.durationSeconds();
            }
        }
        if (video != null) {
            out.mediaType = MediaType.VIDEO;
            out.size(video.width(), video.height(), "video stream");
            out.rotation = quarterTurns(video.rotation());
            out.rotationFromContainer = true;
            String transfer = video.colorTransfer();
            out.hdr = "smpte2084".equals(transfer) || "arib-std-b67".equals(transfer);
            CaptureRate.apply(
                    container.tag(CaptureRate.ANDROID_CAPTURE_FPS),
                    video.frameRate(),
                    container.tag(CaptureRate.APPLE_FULL_RATE_PLAYBACK),
                    container.tag(CaptureRate.APPLE_CAPTURE_MODE),
                    out.subtypes);
            if (CameraFacing.isFrontCameraVideo(
                    container.tag(CameraFacing.APPLE_LENS_MODEL),
                    container.tag(CameraFacing.APPLE_CAMERA_IDENTIFIER))) {
                out.subtypes.add(MediaSubtype.SELFIE);
            }
            out.contentIdentifier = LiveIdentifier.clean(container.tag(LiveIdentifier.QUICKTIME_KEY));
        } else if (hasAudio) {
            out.mediaType = MediaType.AUDIO;
        } else {
            out.warn("no audio or video stream found");
        }
        double duration = container.durationSeconds();
        if (!(duration > 0) || Double.isInfinite(duration)) {
            duration = longestStream;
        }
        out.durationSeconds = duration > 0 && Double.isFinite(duration) ? duration : 0;
        out.capturedAt = creationTime(container, out);
        out.location = location(container);
    }

    /**
     * The size of a still image that metadata-extractor could not measure (HEIF, AVIF, CR3): the
     * largest picture among the streams and stream groups (a HEIF tile grid).
     */
    static void readImageSize(Path file, FactsBuilder out) {
        AvContainer container = container(file, out);
        if (container == null) {
            return;
        }
        int[] best = container.largestGroupPicture().clone();
        for (AvStream stream : container.streams()) {
            if (stream.width() > 0
                    && stream.height() > 0
                    && (long) stream.width() * stream.height() > (long) best[0] * best[1]) {
                best[0] = stream.width();
                best[1] = stream.height();
            }
        }
        out.size(best[0], best[1], "container");
    }

    private static Location location(AvContainer container) {
        for (String name : LOCATION_TAGS) {
            Location location = Iso6709.parse(container.tag(name));
            if (location != null) {
                return location;
            }
        }
        return null;
    }

    /** Display rotation as 0, 90, 180 or 270 degrees, from the display matrix's angle. */
    private static int quarterTurns(double degrees) {
        if (Double.isNaN(degrees)) {
            return 0;
        }
        long quarter = Math.round(degrees / 90.0);
        return (int) (((quarter % 4) + 4) % 4) * 90;
    }

    private static Long creationTime(AvContainer container, FactsBuilder out) {
        Long time = parseContainerTime(container.tag("com.apple.quicktime.creationdate"), out);
        if (time == null) {
            time = parseContainerTime(container.tag("creation_time"), out);
        }
        if (time == null) {
            for (AvStream stream : container.streams()) {
                time = parseContainerTime(stream.tags().get("creation_time"), null);
                if (time != null) {
                    break;
                }
            }
        }
        return time;
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
