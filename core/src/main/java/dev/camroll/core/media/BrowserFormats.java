package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_ALAW;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_F32LE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_MULAW;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S24LE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S32LE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_U8;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VORBIS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;

import dev.camroll.core.metadata.MediaFormat;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;

/**
 * Which originals a browser shows as they are, and what the others become. The yardstick is
 * Chromium as Debian ships it (H.264 and AAC included): H.264 (8-bit 4:2:0), VP8, VP9 or AV1
 * video with AAC, MP3, Opus or Vorbis sound in MP4, QuickTime or WebM; MP3, AAC, FLAC, Ogg,
 * Opus and PCM WAV sound; JPEG, PNG, GIF, WebP, AVIF and BMP pictures. Everything else of a video
 * becomes an H.264 MP4, of a sound an AAC M4A, a TIFF, HEIC or HEIF a JPEG, and a raw
 * file its largest JPEG preview ({@link RawPreview}). Videos and sounds are judged
 * by their streams, not their name: an MP4 holding MPEG-4 Part 2 needs a rendition, an AVI never
 * plays as it is.
 */
public final class BrowserFormats {

    private static final Set<MediaFormat> PICTURES_SHOWN = Set.of(
            MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.GIF, MediaFormat.WEBP, MediaFormat.AVIF, MediaFormat.BMP);

    private static final Set<MediaFormat> MP4_FAMILY = Set.of(MediaFormat.MP4, MediaFormat.MOV, MediaFormat.M4V);

    private static final Set<Integer> MP4_VIDEO = Set.of(AV_CODEC_ID_H264, AV_CODEC_ID_VP9, AV_CODEC_ID_AV1);
    private static final Set<Integer> WEBM_VIDEO = Set.of(AV_CODEC_ID_VP8, AV_CODEC_ID_VP9, AV_CODEC_ID_AV1);
    private static final Set<Integer> MP4_AUDIO =
            Set.of(AV_CODEC_ID_AAC, AV_CODEC_ID_MP3, AV_CODEC_ID_OPUS, AV_CODEC_ID_FLAC);
    private static final Set<Integer> WEBM_AUDIO = Set.of(AV_CODEC_ID_OPUS, AV_CODEC_ID_VORBIS);
    private static final Set<Integer> OGG_AUDIO = Set.of(AV_CODEC_ID_OPUS, AV_CODEC_ID_VORBIS, AV_CODEC_ID_FLAC);
    private static final Set<Integer> WAV_AUDIO = Set.of(
            AV_CODEC_ID_PCM_U8,
            AV_CODEC_ID_PCM_S16LE,
            AV_CODEC_ID_PCM_S24LE,
            AV_CODEC_ID_PCM_S32LE,
            AV_CODEC_ID_PCM_F32LE,
            AV_CODEC_ID_PCM_ALAW,
            AV_CODEC_ID_PCM_MULAW);

    private BrowserFormats() {}

    /**
     * What a browser needs of a file: empty when it shows the original as it is, else the kind of
     * rendition to make.
     *
     * @param format the file's format, as the index has it
     * @throws NoRenditionException when the file can be neither shown nor converted (a video or
     *     sound FFmpeg cannot open)
     */
    public static Optional<RenditionKind> judge(Path file, MediaFormat format) {
        if (PICTURES_SHOWN.contains(format)) {
            return Optional.empty();
        }
        if (format.mediaType() == dev.camroll.api.MediaType.PHOTO) {
            return Optional.of(RenditionKind.PHOTO_JPEG); // TIFF, HEIC and HEIF, raw files
        }
        return judgeStreams(file, format);
    }

    private static Optional<RenditionKind> judgeStreams(Path file, MediaFormat format) {
        try (VideoInput input = VideoInput.open(file)) {
            int video = input.videoStream();
            int audio = Transcode.bestAudioStream(input);
            if (video < 0 && audio < 0) {
                throw new NoRenditionException(
                        NoRenditionException.Reason.UNREADABLE, "the file holds no video or sound FFmpeg can read");
            }
            AVCodecParameters picture =
                    video < 0 ? null : input.context.streams(video).codecpar();
            int sound = audio < 0 ? -1 : input.context.streams(audio).codecpar().codec_id();
            boolean shown = picture == null ? soundShown(format, sound) : videoShown(format, picture, sound);
            if (shown) {
                return Optional.empty();
            }
            return Optional.of(picture == null ? RenditionKind.AUDIO_M4A : RenditionKind.VIDEO_MP4);
        } catch (NoThumbnailException e) {
            throw new NoRenditionException(NoRenditionException.Reason.UNREADABLE, e.getMessage());
        }
    }

    private static boolean videoShown(MediaFormat format, AVCodecParameters picture, int sound) {
        int codec = picture.codec_id();
        if (MP4_FAMILY.contains(format)) {
            boolean eightBit420 = codec != AV_CODEC_ID_H264
                    || picture.format() == AV_PIX_FMT_YUV420P
                    || picture.format() == AV_PIX_FMT_YUVJ420P;
            return MP4_VIDEO.contains(codec) && eightBit420 && (sound < 0 || MP4_AUDIO.contains(sound));
        }
        if (format == MediaFormat.WEBM) {
            return WEBM_VIDEO.contains(codec) && (sound < 0 || WEBM_AUDIO.contains(sound));
        }
        return false; // Matroska, AVI, MPEG-TS, 3GP: not played as they are
    }

    private static boolean soundShown(MediaFormat format, int sound) {
        return switch (format) {
            case MP3 -> sound == AV_CODEC_ID_MP3;
            case AAC -> sound == AV_CODEC_ID_AAC;
            case FLAC -> sound == AV_CODEC_ID_FLAC;
            case WAV -> WAV_AUDIO.contains(sound);
            case OGG, OPUS -> OGG_AUDIO.contains(sound);
            case M4A, MP4, MOV, M4V -> MP4_AUDIO.contains(sound);
            case WEBM -> WEBM_AUDIO.contains(sound);
            default -> false;
        };
    }
}
