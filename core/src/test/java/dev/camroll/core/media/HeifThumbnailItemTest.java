package dev.camroll.core.media;

import static dev.camroll.core.media.HeifPictures.IPHONE;
import static dev.camroll.core.media.HeifPictures.reference;
import static dev.camroll.core.media.HeifPictures.regionDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An iPhone HEIC stores a 320 x 240 thumbnail item (referring to the primary grid by {@code
 * thmb}, with the grid's {@code irot} and {@code colr}) ahead of the 48 tiles of its 4032 x 3024
 * grid in the file. A grid thumbnail (256 px) is made from that item alone; a preview needs the
 * grid. A copy of the corpus's iPhone 13 Pro Max file cut inside its first tile shows it: its
 * grid thumbnail is still the picture, its preview cannot be made.
 */
class HeifThumbnailItemTest {

    /** Where the corpus file's first tile starts (its iloc: item 1 at 27,399; the thumbnail item before it). */
    private static final int FIRST_TILE = 27_399;

    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();

    private Path cutInsideTheFirstTile() throws Exception {
        byte[] whole = Files.readAllBytes(TestMedia.corpus(IPHONE));
        return Files.write(dir.resolve("cut.heic"), Arrays.copyOf(whole, FIRST_TILE + 1_000));
    }

    @Test
    void aGridThumbnailIsMadeFromTheThumbnailItemWithoutTheTiles() throws Exception {
        Path cut = cutInsideTheFirstTile();

        BufferedImage grid = TestPictures.decode(thumbnailer.make(cut, MediaFormat.HEIC, ThumbnailSize.GRID));

        assertThat(grid.getWidth())
                .as("turned by the item's irot, as the grid is")
                .isEqualTo(192);
        assertThat(grid.getHeight()).isEqualTo(256);
        assertThat(regionDifference(grid, reference(IPHONE))).isLessThan(12);
        assertThatThrownBy(() -> thumbnailer.make(cut, MediaFormat.HEIC, ThumbnailSize.PREVIEW))
                .as("a preview is larger than the thumbnail item: the grid is needed")
                .isInstanceOfSatisfying(NoThumbnailException.class, e -> assertThat(e.reason())
                        .isEqualTo(NoThumbnailException.Reason.UNREADABLE));
    }

    @Test
    void theThumbnailItemShowsWhatTheWholeGridShows() throws Exception {
        Path intact = TestMedia.corpus(IPHONE);
        BufferedImage fromItem = TestPictures.decode(thumbnailer.make(intact, MediaFormat.HEIC, ThumbnailSize.GRID));
        BufferedImage fromGrid = thumbnailer.picture(intact, MediaFormat.HEIC, 1440);

        assertThat(regionDifference(fromItem, fromGrid)).isLessThan(12);
    }

    @Test
    void itemsThatAreNoThumbnailOfThePrimaryOneAreNotTaken() {
        HeifItems items = HeifItems.read(TestMedia.corpus(IPHONE)).orElseThrow();

        assertThat(items.primary().orElseThrow().type()).isEqualTo("grid");
        HeifItems.Item thumbnail = items.thumbnail(256).orElseThrow();
        assertThat(thumbnail.type()).isEqualTo("hvc1");
        assertThat(thumbnail.width()).isEqualTo(320);
        assertThat(thumbnail.height()).isEqualTo(240);
        assertThat(thumbnail.orientation()).isEqualTo(6);
        assertThat(items.thumbnail(321)).as("too small for a larger thumbnail").isEmpty();
        assertThat(items.alpha())
                .as("the HDR gain map is an auxiliary item, but no alpha")
                .isEmpty();
        assertThat(HeifItems.read(TestMedia.corpus("exif-samples/heic/mobile/HMD_Nokia_8.3_5G.heif"))
                        .orElseThrow()
                        .thumbnail(1))
                .as("the Nokia stores no thumbnail item")
                .isEmpty();
    }
}
