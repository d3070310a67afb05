package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.ExifSpec;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * expo's {@code stream} subtype (iOS's PHAssetMediaSubtypePhotoStream) comes from where Photos'
 * database says an asset came from (My Photo Stream, a shared album), never from the file: a
 * shared album's copy is a re-encoded JPEG of 2048 px at most without its location, named as the
 * camera named it, like any other photo. Camroll has no rule for it (docs/ARCHITECTURE.md, "Media
 * subtypes"), so no file is marked wrongly: neither such a copy, nor a file under the folder
 * iPhoto kept My Photo Stream in, nor one in a folder named after the stream.
 */
class StreamSubtypeTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @Test
    void photosCopiedFromAStreamOrASharedAlbumGetNoSubtype() {
        ExifSpec iphone = ExifSpec.builder()
                .make("Apple")
                .model("iPhone 12")
                .dateTimeOriginal(LocalDateTime.of(2022, 7, 14, 18, 30))
                .build();
        Path shared = TestMedia.jpegWithExif(
                folder.resolve(
                        "iLifeAssetManagement/assets/sub/0101da2e4b5c0cbb04cb629f450a74e92da655b1ef/IMG_0042.JPG"),
                2048,
                1536,
                iphone);
        Path myStream = TestMedia.jpeg(folder.resolve("My Photo Stream/IMG_0043.JPG"), 2048, 1536);
        Path sharedAlbum = TestMedia.jpegWithExif(folder.resolve("Shared Album/IMG_0044.JPG"), 1536, 2048, iphone);

        for (Path file : new Path[] {shared, myStream, sharedAlbum}) {
            assertThat(facts(probe, file).subtypes())
                    .as(folder.relativize(file).toString())
                    .isEmpty();
        }
    }

    @Test
    void noSubtypeClaimsToBeAStream() {
        assertThat(Arrays.stream(MediaSubtype.values()).map(MediaSubtype::wireName))
                .as("a subtype no file can show is left out rather than guessed")
                .doesNotContain("stream");
    }
}
