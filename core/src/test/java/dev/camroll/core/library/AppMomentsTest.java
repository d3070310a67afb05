package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app sees only the moments that hold an asset it sees, counted, timed and placed by those
 * assets alone, and no place without the location permission.
 */
class AppMomentsTest {
    private static final Set<GranularPermission> ALL_TYPES = Set.of(GranularPermission.values());
    private final AppId app = new AppId("frame");

    @TempDir
    Path root;

    @Test
    void anAppSeesTheMomentsOfWhatItSeesAndTheirPlaceOnlyWithLocation() {
        MomentsTest.photo(root.resolve("p1.jpg"), "2024-05-01T10:00:00", MomentsTest.PARIS);
        MomentsTest.photo(root.resolve("v1.jpg"), "2024-05-01T11:00:00", MomentsTest.VERSAILLES);
        MomentsTest.photo(root.resolve("n1.jpg"), "2024-05-01T12:00:00", null);
        MomentsTest.photo(root.resolve("l1.jpg"), "2024-05-03T10:00:00", MomentsTest.LYON);
        try (LocalMediaLibrary library = LocalMediaLibrary.open(root, MomentsTest.UTC)) {
            library.scan(null);
            List<Album> owners = library.getMoments();
            assertThat(owners).extracting(Album::assetCount).containsExactly(3, 1);
            String versailles = idOf(library, "v1.jpg");
            String noPlace = idOf(library, "n1.jpg");
            ScopedLibrary frame = library.forApp(app);

            library.grants().set(app, Grant.limited(ALL_TYPES, true), new Selection(Set.of(versailles), Set.of()));
            List<Album> seen = frame.getMoments();
            assertThat(seen).hasSize(1);
            Album moment = seen.getFirst();
            assertThat(moment.id()).isEqualTo(owners.getFirst().id());
            assertThat(moment.assetCount()).isEqualTo(1);
            assertThat(moment.startTime()).isEqualTo(moment.endTime());
            assertThat(moment.approximateLocation().latitude()).isEqualTo(MomentsTest.VERSAILLES[0], within());
            assertThat(moment.locationNames()).contains("France");
            assertThat(frame.getAssets(AssetQuery.builder().album(moment.id()).build())
                            .assets())
                    .extracting(Asset::id)
                    .containsExactly(versailles);
            String lyonMoment = owners.get(1).id();
            assertThatThrownBy(() -> frame.getAssets(
                            AssetQuery.builder().album(lyonMoment).build()))
                    .as("a moment the app sees nothing of is no album to it")
                    .isInstanceOf(InvalidArgumentException.class);

            library.grants().set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(versailles), Set.of()));
            Album placeless = frame.getMoments().getFirst();
            assertThat(placeless.approximateLocation()).isNull();
            assertThat(placeless.locationNames()).isNull();
            assertThat(placeless.title()).isEqualTo("1 May 2024");

            library.grants().set(app, Grant.limited(ALL_TYPES, true), new Selection(Set.of(noPlace), Set.of()));
            Album unlocated = frame.getMoments().getFirst();
            assertThat(unlocated.approximateLocation())
                    .as("the place of assets the app does not see is not told")
                    .isNull();
            assertThat(unlocated.locationNames()).isNull();

            library.grants().set(app, Grant.all(Set.of(GranularPermission.VIDEO), true));
            assertThat(frame.getMoments())
                    .as("an app granted videos only, of a library of photos")
                    .isEmpty();

            library.grants().set(app, Grant.all(ALL_TYPES, true));
            assertThat(frame.getMoments()).isEqualTo(owners);
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    private static String idOf(LocalMediaLibrary library, String filename) {
        return library.getAssets(AssetQuery.builder().build()).assets().stream()
                .filter(asset -> asset.filename().equals(filename))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
