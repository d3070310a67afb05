package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import dev.camroll.api.ErrorCode;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renditions made from real files with the bundled FFmpeg, kept in a real data folder. */
class RenditionCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private RenditionCache cache;

    private RenditionCache cache() {
        if (cache == null) {
            cache = new RenditionCache(dir.resolve("data"), RenditionSettings.DEFAULTS);
        }
        return cache;
    }

    @AfterEach
    void close() {
        if (cache != null) {
            cache.close();
        }
    }

    private static RenditionSource source(String id, Path file, MediaFormat format) throws IOException {
        return new RenditionSource(
                id,
                file,
                format,
                Files.size(file),
                Files.getLastModifiedTime(file).toMillis());
    }

    /** The codec id and size of the video stream and the codec of the sound, and the duration. */
    record Streams(int videoCodec, int width, int height, int audioCodec, double seconds) {}

    static Streams streams(Path file) {
        try (VideoInput input = VideoInput.open(file)) {
            int video = input.videoStream();
            int audio = Transcode.bestAudioStream(input);
            var picture = video < 0 ? null : input.context.streams(video).codecpar();
            return new Streams(
                    picture == null ? -1 : picture.codec_id(),
                    picture == null ? 0 : picture.width(),
                    picture == null ? 0 : picture.height(),
                    audio < 0 ? -1 : input.context.streams(audio).codecpar().codec_id(),
                    input.context.duration() / (double) AV_TIME_BASE);
        }
    }

    /** The types of an MP4's top-level boxes, in order. */
    static List<String> topLevelBoxes(Path file) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position < channel.size()) {
                header.clear();
                channel.read(header, position);
                long size = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                if (size == 1) {
                    size = header.getLong(8);
                }
                boxes.add(type);
                if (size < 8) {
                    break;
                }
                position += size;
            }
        }
        return boxes;
    }

    @Test
    void anMpeg2TransportStreamBecomesAnH264Mp4OfTheSameLengthThatPlaysWhileLoading() throws Exception {
        Path mts = TestMedia.video(dir.resolve("camcorder.mts"), 3, 720, 576, "mpegts", "mpeg2video", "mp2");
        assertThat(BrowserFormats.judge(mts, MediaFormat.MTS)).contains(RenditionKind.VIDEO_MP4);

        CachedRendition rendition =
                cache().get(source("camcorder0001", mts, MediaFormat.MTS), RenditionKind.VIDEO_MP4, WAIT);

        assertThat(rendition.mimeType()).isEqualTo("video/mp4");
        assertThat(rendition.file()).startsWith(dir.resolve("data/renditions")).hasExtension("mp4");
        Streams original = streams(mts);
        Streams made = streams(rendition.file());
        assertThat(made.videoCodec()).isEqualTo(AV_CODEC_ID_H264);
        assertThat(made.audioCodec()).isEqualTo(AV_CODEC_ID_AAC);
        assertThat(made.width()).isEqualTo(720);
        assertThat(made.height()).isEqualTo(576);
        assertThat(made.seconds()).isCloseTo(original.seconds(), org.assertj.core.data.Offset.offset(0.15));
        assertThat(made.seconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.15));
        // faststart: the index before the media data, so a browser plays it while it loads.
        List<String> boxes = topLevelBoxes(rendition.file());
        assertThat(boxes.indexOf("moov")).isNotNegative().isLessThan(boxes.indexOf("mdat"));
        // Every frame decodes, up to the last one.
        VideoFrames.Frame last = VideoFrames.frameAt(rendition.file(), 2.95, 64);
        assertThat(last.seconds()).isGreaterThan(2.8);
        // What a browser plays is not converted again, and the made one is found.
        assertThat(BrowserFormats.judge(rendition.file(), MediaFormat.MP4)).isEmpty();
        assertThat(cache().get(source("camcorder0001", mts, MediaFormat.MTS), RenditionKind.VIDEO_MP4, WAIT))
                .isEqualTo(rendition);
        assertThat(cache().madeCount()).isEqualTo(1);
        try (var left = Files.list(rendition.file().getParent())) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(RenditionCache.TEMPORARY_PREFIX));
        }
    }

    @Test
    void aLargeVideoComesDownTo1080pAndAnAviOfMpeg4PartTwoIsConverted() throws Exception {
        Path avi = TestMedia.video(dir.resolve("big.avi"), 1, 2560, 1440, "avi", "mpeg4", "libmp3lame");
        assertThat(BrowserFormats.judge(avi, MediaFormat.AVI)).contains(RenditionKind.VIDEO_MP4);

        Streams made = streams(cache().get(source("bigvideo00001", avi, MediaFormat.AVI), RenditionKind.VIDEO_MP4, WAIT)
                .file());

        assertThat(made.videoCodec()).isEqualTo(AV_CODEC_ID_H264);
        assertThat(made.width()).isEqualTo(1920);
        assertThat(made.height()).isEqualTo(1080);
        assertThat(made.seconds()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.15));
    }

    @Test
    void aPhonesUprightVideoStaysUpright() throws Exception {
        Path mov = TestMedia.video(dir.resolve("upright.mov"), 1, 320, 240, TestMedia.VideoSpec.PLAIN.withRotation(90));
        assertThat(BrowserFormats.judge(mov, MediaFormat.MOV)).contains(RenditionKind.VIDEO_MP4);

        Path made = cache().get(source("uprightvideo1", mov, MediaFormat.MOV), RenditionKind.VIDEO_MP4, WAIT)
                .file();

        int originalTurn;
        try (VideoInput input = VideoInput.open(mov)) {
            originalTurn = input.clockwiseRotation(input.videoStream());
        }
        assertThat(originalTurn).isNotZero();
        try (VideoInput input = VideoInput.open(made)) {
            assertThat(input.clockwiseRotation(input.videoStream())).isEqualTo(originalTurn);
        }
        // Shown upright: the frame is taller than wide, as the original's.
        assertThat(VideoFrames.frameAt(made, 0.5, 320).image().getHeight()).isEqualTo(320);
    }

    @Test
    void whatABrowserPlaysIsLeftAsItIs() throws Exception {
        Path h264 = TestMedia.video(dir.resolve("phone.mp4"), 1, 320, 240, "mp4", "libopenh264", "aac");
        Path webm = TestMedia.video(dir.resolve("clip.webm"), 1, 320, 240);
        Path mp3 = TestMedia.audio(dir.resolve("song.mp3"), 1);
        Path wav = TestMedia.audio(dir.resolve("memo.wav"), 1);
        Path jpeg = TestMedia.jpeg(dir.resolve("photo.jpg"), 64, 48);
        Path bmp = TestMedia.bmp(dir.resolve("paint.bmp"), 64, 48);

        assertThat(BrowserFormats.judge(h264, MediaFormat.MP4)).isEmpty();
        assertThat(BrowserFormats.judge(webm, MediaFormat.WEBM)).isEmpty();
        assertThat(BrowserFormats.judge(mp3, MediaFormat.MP3)).isEmpty();
        assertThat(BrowserFormats.judge(wav, MediaFormat.WAV)).isEmpty();
        assertThat(BrowserFormats.judge(jpeg, MediaFormat.JPEG)).isEmpty();
        assertThat(BrowserFormats.judge(bmp, MediaFormat.BMP)).isEmpty();
        // An MP4 of MPEG-4 Part 2 (as old cameras wrote) is judged by its streams, not its name.
        Path mpeg4 = TestMedia.video(dir.resolve("old.mp4"), 1, 320, 240);
        assertThat(BrowserFormats.judge(mpeg4, MediaFormat.MP4)).contains(RenditionKind.VIDEO_MP4);
    }

    @Test
    void soundABrowserCannotPlayBecomesAac() throws Exception {
        Path ac3 = TestMedia.audio(dir.resolve("film.m4a"), 2, "ipod", "ac3");
        assertThat(BrowserFormats.judge(ac3, MediaFormat.M4A)).contains(RenditionKind.AUDIO_M4A);

        CachedRendition rendition =
                cache().get(source("soundtrack001", ac3, MediaFormat.M4A), RenditionKind.AUDIO_M4A, WAIT);

        assertThat(rendition.mimeType()).isEqualTo("audio/mp4");
        Streams made = streams(rendition.file());
        assertThat(made.videoCodec()).isEqualTo(-1);
        assertThat(made.audioCodec()).isEqualTo(AV_CODEC_ID_AAC);
        assertThat(made.seconds()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aTiffBecomesAJpegOfTheSameSize() throws Exception {
        Path tiff = TestMedia.tiff(dir.resolve("scan.tif"), 640, 480);
        assertThat(BrowserFormats.judge(tiff, MediaFormat.TIFF)).contains(RenditionKind.PHOTO_JPEG);

        CachedRendition rendition =
                cache().get(source("scannedpage01", tiff, MediaFormat.TIFF), RenditionKind.PHOTO_JPEG, Duration.ZERO);

        assertThat(rendition.mimeType()).isEqualTo("image/jpeg");
        BufferedImage picture = ImageIO.read(rendition.file().toFile());
        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(480);
    }

    @Test
    void aCorruptVideoGivesNoRenditionAtOnceAndTheAnswerIsRemembered() throws Exception {
        Path good = TestMedia.video(dir.resolve("good.mts"), 2, 320, 240, "mpegts", "mpeg2video", null);
        byte[] bytes = Files.readAllBytes(good);
        // The transport stream's sync bytes survive, its payload is noise.
        java.util.Random noise = new java.util.Random(7);
        for (int i = 0; i < bytes.length; i++) {
            if (i % 188 != 0) {
                bytes[i] = (byte) noise.nextInt();
            }
        }
        Path corrupt = Files.write(dir.resolve("corrupt.mts"), bytes);
        RenditionSource source = source("corruptvideo1", corrupt, MediaFormat.MTS);

        long started = System.nanoTime();
        assertThatThrownBy(() -> cache().get(source, RenditionKind.VIDEO_MP4, WAIT))
                .isInstanceOf(NoRenditionException.class)
                .satisfies(e -> assertThat(((NoRenditionException) e).code()).isEqualTo(ErrorCode.NO_RENDITION));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThatThrownBy(() -> cache().get(source, RenditionKind.VIDEO_MP4, Duration.ZERO))
                .isInstanceOf(NoRenditionException.class);
        assertThat(cache().madeCount()).isZero();
    }

    @Test
    void aCallerThatCannotWaitIsToldToComeBackAndTheConversionGoesOn() throws Exception {
        Path mts = TestMedia.video(dir.resolve("long.mts"), 4, 1280, 720, "mpegts", "mpeg2video", "mp2");
        RenditionSource source = source("longvideo0001", mts, MediaFormat.MTS);

        assertThatThrownBy(() -> cache().get(source, RenditionKind.VIDEO_MP4, Duration.ZERO))
                .isInstanceOf(RenditionPendingException.class)
                .satisfies(e -> {
                    RenditionPendingException pending = (RenditionPendingException) e;
                    assertThat(pending.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(pending.retryAfter()).isPositive();
                });
        CachedRendition rendition = cache().get(source, RenditionKind.VIDEO_MP4, WAIT);
        assertThat(streams(rendition.file()).videoCodec()).isEqualTo(AV_CODEC_ID_H264);
        assertThat(cache().madeCount()).isEqualTo(1);
    }

    @Test
    void conversionsRunAtTheLowestPriorityAndCloseGivesUpTheOneUnderWay() throws Exception {
        Path mts = TestMedia.video(dir.resolve("slow.mts"), 6, 1280, 720, "mpegts", "mpeg2video", "mp2");
        RenditionSource source = source("slowvideo0001", mts, MediaFormat.MTS);
        RenditionCache closing = new RenditionCache(dir.resolve("closing"), RenditionSettings.DEFAULTS);

        assertThatThrownBy(() -> closing.get(source, RenditionKind.VIDEO_MP4, Duration.ZERO))
                .isInstanceOf(RenditionPendingException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (niceOfThread(RenditionCache.THREAD_NAME) != 19 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(niceOfThread(RenditionCache.THREAD_NAME)).isEqualTo(19);

        long start = System.nanoTime();
        closing.close();
        while (threadNamed(RenditionCache.THREAD_NAME)
                && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(10);
        }
        assertThat(threadNamed(RenditionCache.THREAD_NAME)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(closing.contains(source, RenditionKind.VIDEO_MP4)).isFalse();
        try (var left = Files.walk(dir.resolve("closing"))) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(RenditionCache.TEMPORARY_PREFIX) || name.endsWith(".failed"));
        }
    }

    /** The nice value of this process's thread of that name, from /proc (field 19 of its stat); -1 when none. */
    private static int niceOfThread(String name) throws IOException {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).strip().equals(name)) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Integer.parseInt(fields[16]);
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // a thread that ended while listed
                }
            }
        }
        return -1;
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(name) && thread.isAlive());
    }

    @Test
    void aChangedFileGetsANewRenditionAndTheOldOneGoes() throws Exception {
        Path mts = TestMedia.video(dir.resolve("edited.mts"), 1, 320, 240, "mpegts", "mpeg2video", null);
        CachedRendition first =
                cache().get(source("editedvideo01", mts, MediaFormat.MTS), RenditionKind.VIDEO_MP4, WAIT);
        TestMedia.video(mts, 2, 320, 240, "mpegts", "mpeg2video", null);
        Files.setLastModifiedTime(mts, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        CachedRendition second =
                cache().get(source("editedvideo01", mts, MediaFormat.MTS), RenditionKind.VIDEO_MP4, WAIT);

        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThat(first.file()).doesNotExist();
        assertThat(streams(second.file()).seconds()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.15));
        cache().remove("editedvideo01");
        assertThat(second.file().getParent()).doesNotExist();
    }
}
