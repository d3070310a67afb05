package dev.camroll.core.media;

import static dev.camroll.core.media.TestPictures.CORNER;
import static dev.camroll.core.media.TestPictures.REST;
import static dev.camroll.core.media.TestPictures.near;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbnailerVideoAudioTest {

    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();

    @Test
    void theFrameOfAVideoIsTheOneAtATenthOfItsDuration() {
        Path video = TestMedia.video(dir.resolve("clip.mp4"), 10, 320, 240);

        VideoFrames.Frame frame = VideoFrames.poster(video, 256);

        assertThat(frame.seconds()).isBetween(0.9, 1.2);
        assertThat(frame.image().getWidth()).isEqualTo(256);
        assertThat(frame.image().getHeight()).isEqualTo(192);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4", "mov", "mkv", "webm", "avi", "ts", "3gp"})
    void aVideoOfEachContainerGivesAThumbnail(String extension) {
        Path video = TestMedia.video(dir.resolve("clip." + extension), 2, 320, 240);

        Thumbnail thumbnail = thumbnailer.make(video, MediaFormat.fromFileName(video.toString()), ThumbnailSize.GRID);

        BufferedImage decoded = TestPictures.decode(thumbnail);
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(192);
    }

    @Test
    void aVideoThatStartsBlackIsShownByALaterFrame() {
        Path video = FadeInVideo.write(dir.resolve("fade.mp4"), 320, 240, 10, 4, false);

        VideoFrames.Frame frame = VideoFrames.poster(video, 256);

        assertThat(frame.seconds()).isGreaterThanOrEqualTo(4);
        assertThat(VideoFrames.isBlack(frame.image())).isFalse();
        assertThat(near(frame.image(), 10, 10, CORNER)).isTrue();
        assertThat(near(frame.image(), 250, 180, REST)).isTrue();
        // Before the fallback, the frame at a tenth was black.
        assertThat(VideoFrames.isBlack(VideoFrames.frameAt(video, 1.0, 256).image()))
                .isTrue();
    }

    @Test
    void aVideoFilmedUprightGivesAPortraitThumbnailTurnedAsPlayersTurnIt() {
        Path video = FadeInVideo.write(dir.resolve("upright.mp4"), 320, 240, 2, 0, true);

        Thumbnail thumbnail = thumbnailer.make(video, MediaFormat.MP4, ThumbnailSize.GRID);

        assertThat(thumbnail.width()).isEqualTo(192);
        assertThat(thumbnail.height()).isEqualTo(256);
        BufferedImage decoded = TestPictures.decode(thumbnail);
        // A quarter turn clockwise puts the stored top left at the top right.
        assertThat(near(decoded, 180, 10, CORNER))
                .as(
                        "top right is red: %08x, top left %08x bl %08x br %08x rot %d",
                        decoded.getRGB(180, 10),
                        decoded.getRGB(10, 10),
                        decoded.getRGB(10, 250),
                        decoded.getRGB(180, 250),
                        rotationOf(video))
                .isTrue();
        assertThat(near(decoded, 10, 10, REST)).as("top left is blue").isTrue();
    }

    private static int rotationOf(Path video) {
        try (VideoInput input = VideoInput.open(video)) {
            return input.clockwiseRotation(input.videoStream());
        }
    }

    @Test
    void aFrameAtAnyTimeCanBeTakenForTrims() {
        Path video = TestMedia.video(dir.resolve("clip.mkv"), 5, 320, 240);

        assertThat(VideoFrames.frameAt(video, 3.0, 160).seconds()).isBetween(2.95, 3.15);
        assertThat(VideoFrames.frameAt(video, 0, 160).seconds()).isLessThan(0.15);
        // Past the end: the last frame.
        assertThat(VideoFrames.frameAt(video, 60, 160).seconds()).isBetween(4.5, 5.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "m4a", "flac", "ogg", "opus"})
    void audioWithCoverArtGivesTheCover(String extension) {
        Path audio = TestMedia.audio(dir.resolve("song." + extension), 1, TestMedia.AudioSpec.PLAIN.withCoverArt());

        Thumbnail thumbnail = thumbnailer.make(audio, MediaFormat.fromFileName(audio.toString()), ThumbnailSize.GRID);

        // The cover is 64 x 64: never enlarged.
        assertThat(TestPictures.decode(thumbnail).getWidth()).isEqualTo(64);
        assertThat(thumbnail.height()).isEqualTo(64);
    }

    @Test
    void audioWithoutCoverArtHasNoThumbnail() {
        Path audio = TestMedia.audio(dir.resolve("song.mp3"), 1);

        assertThatThrownBy(() -> thumbnailer.make(audio, MediaFormat.MP3, ThumbnailSize.GRID))
                .isInstanceOfSatisfying(NoThumbnailException.class, e -> {
                    assertThat(e.code().wireName()).isEqualTo("no_thumbnail");
                    assertThat(e.reason()).isEqualTo(NoThumbnailException.Reason.NO_PICTURE);
                });
    }

    @Test
    void aVideoThatIsNotOneHasNoThumbnail() throws Exception {
        Path fake = java.nio.file.Files.writeString(dir.resolve("fake.mp4"), "no video here");

        assertThatThrownBy(() -> thumbnailer.make(fake, MediaFormat.MP4, ThumbnailSize.GRID))
                .isInstanceOf(NoThumbnailException.class);
    }
}
