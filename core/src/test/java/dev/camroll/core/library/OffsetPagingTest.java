package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.access.PhotosOnlyScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Offset paging beside the cursor: a page {@code offset} assets into a query is that slice of the
 * whole ordered result, its totalCount is the query's, and its endCursor goes on from there.
 */
class OffsetPagingTest {

    @Property(tries = 40)
    void aPageAtAnOffsetIsThatSliceOfTheWholeResult(
            @ForAll @IntRange(min = 0, max = 50) int assetCount,
            @ForAll @IntRange(min = 1, max = 9) int pageSize,
            @ForAll @IntRange(min = 0, max = 60) int offset,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        try (IndexedRows index = new IndexedRows()) {
            for (int i = 0; i < assetCount; i++) {
                MediaType type = MediaType.values()[random.nextInt(3)];
                // Few distinct values, so that ties (broken by the row id) are common.
                index.insert(
                        type,
                        random.nextInt(2),
                        random.nextInt(3),
                        random.nextInt(3),
                        random.nextInt(4) * 1000L,
                        random.nextInt(3) * 1000L,
                        type == MediaType.PHOTO ? 0 : random.nextInt(3) * 1.5);
            }
            List<SortKey> sort = randomSort(random);
            Set<MediaType> types = randomTypes(random);
            boolean photosOnly = random.nextInt(4) == 0;
            // A limited scope sees a folder only while it holds an asset the scope sees.
            String album = !photosOnly && random.nextInt(3) == 0 ? index.albumId(1) : null;
            Long createdAfter = random.nextInt(3) == 0 ? 500L : null;
            AssetQuery query = AssetQuery.builder()
                    .sortBy(sort)
                    .mediaTypes(types)
                    .album(album)
                    .createdAfter(createdAfter)
                    .build();
            var library = photosOnly ? index.library.scoped(new PhotosOnlyScope()) : index.library;

            AssetPage all = library.getAssets(
                    query.toBuilder().first(AssetQuery.MAX_FIRST).build());
            AssetPage page = library.getAssets(
                    query.toBuilder().first(pageSize).offset(offset).build());

            List<String> whole = ids(all.assets());
            List<String> slice =
                    whole.subList(Math.min(offset, whole.size()), Math.min(offset + pageSize, whole.size()));
            assertThat(ids(page.assets())).as("the slice at the offset").isEqualTo(slice);
            assertThat(page.totalCount()).as("totalCount").isEqualTo(all.totalCount());
            assertThat(page.hasNextPage()).isEqualTo(offset + pageSize < whole.size());
            if (page.hasNextPage()) {
                AssetPage next = library.getAssets(query.toBuilder()
                        .first(pageSize)
                        .after(page.endCursor())
                        .build());
                assertThat(ids(next.assets()))
                        .as("the cursor goes on after the slice")
                        .isEqualTo(whole.subList(offset + pageSize, Math.min(offset + 2 * pageSize, whole.size())));
            }
            if (slice.isEmpty()) {
                assertThat(page.endCursor()).isNull();
            }
        }
    }

    @Test
    void anOffsetPastTheEndGivesAnEmptyPageWithTheCount() throws IOException {
        try (IndexedRows index = new IndexedRows()) {
            for (int i = 0; i < 5; i++) {
                index.insert(MediaType.PHOTO, 0, 10, 10, i * 1000L, 0, 0);
            }
            AssetPage page = index.library.getAssets(
                    AssetQuery.builder().first(3).offset(5).build());
            assertThat(page.assets()).isEmpty();
            assertThat(page.totalCount()).isEqualTo(5);
            assertThat(page.hasNextPage()).isFalse();
            assertThat(page.endCursor()).isNull();

            AssetPage last = index.library.getAssets(
                    AssetQuery.builder().first(3).offset(3).build());
            assertThat(last.assets()).extracting(Asset::filename).containsExactly("f1.jpg", "f0.jpg");
            assertThat(last.hasNextPage()).isFalse();
        }
    }

    @Test
    void aNegativeOffsetOrOneWithACursorIsRefusedNamingOffset() {
        assertThatThrownBy(() -> AssetQuery.builder().offset(-1).build())
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.parameter())
                        .isEqualTo("offset"));
        assertThatThrownBy(() -> AssetQuery.builder().offset(2).after("abc").build())
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.parameter())
                        .isEqualTo("offset"));
        assertThat(AssetQuery.builder().offset(0).after("abc").build().offset()).isZero();
    }

    private static List<String> ids(List<Asset> assets) {
        return assets.stream().map(Asset::id).toList();
    }

    static List<SortKey> randomSort(Random random) {
        List<SortField> fields = new ArrayList<>(List.of(SortField.values()));
        java.util.Collections.shuffle(fields, random);
        List<SortKey> keys = new ArrayList<>();
        boolean time = false;
        for (SortField field : fields.subList(0, random.nextInt(4))) {
            // DEFAULT and CREATION_TIME read the same column; one of them is enough.
            boolean isTime = field == SortField.DEFAULT || field == SortField.CREATION_TIME;
            if (!(isTime && time)) {
                keys.add(new SortKey(field, random.nextBoolean()));
            }
            time |= isTime;
        }
        return keys;
    }

    static Set<MediaType> randomTypes(Random random) {
        EnumSet<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (MediaType type : MediaType.values()) {
            if (random.nextBoolean()) {
                types.add(type);
            }
        }
        return types.isEmpty() ? EnumSet.of(MediaType.PHOTO) : types;
    }
}
