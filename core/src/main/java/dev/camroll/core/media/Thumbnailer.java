package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_BMP;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_GIF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PNG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_TIFF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_WEBP;

import dev.camroll.api.MediaType;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import java.awt.image.BufferedImage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Makes thumbnails of photos, videos and audio with cover art, in this process.
 *
 * <p>Photos (JPEG, PNG, GIF, BMP, WebP, TIFF) are decoded by FFmpeg's decoders, JPEG at reduced
 * size; HEIC, HEIF and AVIF by their primary item, a tile grid put together ({@link HeifDecoder});
 * videos give the frame at 10% of their duration ({@link VideoFrames}); audio its cover
 * art. The picture is scaled by libswscale straight to the thumbnail's size, converted from its
 * ICC profile to sRGB, turned as its EXIF orientation or display matrix says, and encoded as
 * JPEG or WebP. A picture whose header claims more than {@link #maxPixels()} pixels is refused
 * with a warning before anything is decoded, so a decompression bomb costs nothing.
 *
 * <p>Thread-safe; each call works on its own native contexts.
 */
public final class Thumbnailer {

    /** Pictures claiming more pixels are refused: 250 megapixels, a large panorama. */
    public static final long DEFAULT_MAX_PIXELS = 250_000_000L;

    private static final Logger LOG = System.getLogger(Thumbnailer.class.getName());

    private final long maxPixels;
    // The zone only matters for capture times, which a thumbnail does not read.
    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    public Thumbnailer() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels pictures whose header claims more pixels are refused */
    public Thumbnailer(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Whether {@link ThumbnailFormat#WEBP} can be made here (libwebp in the bundled FFmpeg). */
    public static boolean webpAvailable() {
        return ThumbnailEncoder.webpAvailable();
    }

    /** A JPEG thumbnail of a file. */
    public Thumbnail make(Path file, MediaFormat format, ThumbnailSize size) {
        return make(file, format, size, ThumbnailFormat.JPEG);
    }

    /**
     * A thumbnail of a file in an encoding.
     *
     * @param format the file's format, as the index has it
     * @throws NoThumbnailException (code {@code no_thumbnail}) when the file has no picture this
     *     process can decode, or claims too many pixels; never anything else for the file's content
     */
    public Thumbnail make(Path file, MediaFormat format, ThumbnailSize size, ThumbnailFormat encoding) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(encoding, "encoding");
        BufferedImage picture = picture(file, format, size.longEdge());
        byte[] bytes = ThumbnailEncoder.encode(picture, encoding);
        return new Thumbnail(bytes, picture.getWidth(), picture.getHeight(), encoding.mimeType());
    }

    /**
     * The picture of a file as displayed (turned, sRGB), its long edge at most {@code longEdge}:
     * what {@link #make} encodes, for edits and other sizes.
     */
    public BufferedImage picture(Path file, MediaFormat format, int longEdge) {
        try {
            return switch (format.mediaType()) {
                case PHOTO -> photo(file, format, longEdge);
                case VIDEO -> video(file, longEdge);
                case AUDIO -> VideoFrames.coverArt(file, longEdge, maxPixels);
                default -> throw unsupported(format);
            };
        } catch (NoThumbnailException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            // Nothing a file holds may take the caller down: it simply has no thumbnail.
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, "picture could not be decoded: " + e);
        }
    }

    private BufferedImage video(Path file, int longEdge) {
        try {
            return VideoFrames.poster(file, longEdge).image();
        } catch (NoThumbnailException e) {
            if (e.reason() != NoThumbnailException.Reason.NO_PICTURE) {
                throw e;
            }
            // An MP4 or WebM without a video stream is audio, perhaps with cover art.
            return VideoFrames.coverArt(file, longEdge, maxPixels);
        }
    }

    private BufferedImage photo(Path file, MediaFormat format, int longEdge) {
        if (format == MediaFormat.HEIC || format == MediaFormat.AVIF) {
            return heif(file, longEdge);
        }
        if (format.isRaw()) {
            return rawPreview(file, format, longEdge);
        }
        int codec = photoCodec(format);
        if (codec < 0) {
            throw unsupported(format);
        }
        if (!(probe.probe(file) instanceof ProbeOutcome.Media(MediaFacts facts))
                || facts.mediaType() != MediaType.PHOTO) {
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "the file is not a readable photo");
        }
        long pixels = (long) facts.width() * facts.height();
        if (pixels > maxPixels) {
            LOG.log(
                    Level.WARNING,
                    "{0}: {1} x {2} pixels is more than the limit of {3}; no thumbnail is made",
                    file,
                    facts.width(),
                    facts.height(),
                    maxPixels);
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.TOO_LARGE,
                    "the picture claims " + facts.width() + " x " + facts.height() + " pixels, more than the limit of "
                            + maxPixels);
        }
        int lowres = codec == AV_CODEC_ID_MJPEG ? reduction(Math.max(facts.width(), facts.height()), longEdge) : 0;
        try (StillDecoder.Decoded decoded = StillDecoder.decodeFile(file, codec, lowres, maxPixels)) {
            int[] size =
                    VideoFrames.fit(decoded.frame().width(), decoded.frame().height(), longEdge);
            BufferedImage stored = FrameScaler.scale(decoded.frame(), size[0], size[1]);
            return Orientation.apply(SrgbConversion.toSrgb(stored, decoded.iccProfile()), facts.orientation());
        }
    }

    /**
     * A HEIC, HEIF or AVIF picture: its thumbnail item when that is large enough ({@link
     * HeifThumbnailItem}: an iPhone's 320 x 240 one makes the grid thumbnails), else its primary
     * item, a tile grid put together or a single coded picture ({@link HeifDecoder}), turned as its
     * irot and imir say.
     */
    private BufferedImage heif(Path file, int longEdge) {
        BufferedImage small = HeifThumbnailItem.picture(file, longEdge, maxPixels);
        if (small != null) {
            return small;
        }
        try (HeifDecoder.Picture picture = HeifDecoder.decode(file, maxPixels)) {
            int[] size =
                    VideoFrames.fit(picture.frame().width(), picture.frame().height(), longEdge);
            HeifDecoder.Transparency transparency = picture.transparency();
            BufferedImage stored = transparency == null
                    ? FrameScaler.scale(picture.frame(), size[0], size[1])
                    : FrameScaler.scaleOverWhite(
                            picture.frame(), transparency.alpha(), transparency.premultiplied(), size[0], size[1]);
            return Orientation.apply(SrgbConversion.toSrgb(stored, picture.iccProfile()), picture.orientation());
        }
    }

    /**
     * A raw file's picture is its largest embedded JPEG preview ({@link RawPreview}), decoded from
     * its byte range alone and turned as the raw file's own EXIF says (the preview's is often
     * absent or upright). A raw file without a usable preview has no thumbnail.
     */
    private BufferedImage rawPreview(Path file, MediaFormat format, int longEdge) {
        RawPreview.Found preview;
        try {
            preview = RawPreview.largest(file, format)
                    .orElseThrow(() -> new NoThumbnailException(
                            NoThumbnailException.Reason.NO_PICTURE,
                            "the " + format.name() + " file holds no usable JPEG preview"));
        } catch (java.io.IOException e) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, "the raw file could not be read: " + e.getMessage());
        }
        if ((long) preview.width() * preview.height() > maxPixels) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.TOO_LARGE,
                    "the preview claims " + preview.width() + " x " + preview.height()
                            + " pixels, more than the limit of " + maxPixels);
        }
        int orientation = probe.probe(file) instanceof ProbeOutcome.Media(MediaFacts facts) && facts.orientation() >= 1
                ? facts.orientation()
                : 1;
        int lowres = reduction(Math.max(preview.width(), preview.height()), longEdge);
        try (StillDecoder.Decoded decoded = StillDecoder.decodeRange(
                file, preview.offset(), preview.length(), AV_CODEC_ID_MJPEG, lowres, maxPixels)) {
            int[] size =
                    VideoFrames.fit(decoded.frame().width(), decoded.frame().height(), longEdge);
            BufferedImage stored = FrameScaler.scale(decoded.frame(), size[0], size[1]);
            return Orientation.apply(SrgbConversion.toSrgb(stored, decoded.iccProfile()), orientation);
        }
    }

    /**
     * How many halvings ({@code lowres} 0 to 3) JPEG decoding can take while the picture's long
     * edge stays at least the thumbnail's: scaling down from a little more keeps it sharp.
     */
    static int reduction(int sourceLongEdge, int targetLongEdge) {
        int lowres = 0;
        while (lowres < 3 && ceilShift(sourceLongEdge, lowres + 1) >= targetLongEdge) {
            lowres++;
        }
        return lowres;
    }

    private static int ceilShift(int value, int shift) {
        return (value + (1 << shift) - 1) >> shift;
    }

    private static int photoCodec(MediaFormat format) {
        return switch (format) {
            case JPEG -> AV_CODEC_ID_MJPEG;
            case PNG -> AV_CODEC_ID_PNG;
            case GIF -> AV_CODEC_ID_GIF;
            case BMP -> AV_CODEC_ID_BMP;
            case WEBP -> AV_CODEC_ID_WEBP;
            case TIFF -> AV_CODEC_ID_TIFF;
            default -> -1;
        };
    }

    private static NoThumbnailException unsupported(MediaFormat format) {
        return new NoThumbnailException(
                NoThumbnailException.Reason.UNSUPPORTED_FORMAT,
                "thumbnails of " + format.name() + " files cannot be made yet");
    }
}
