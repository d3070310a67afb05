package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.metadata.ReaderVersions;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.KnownFile;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Keyset paging holds for any library, sort and page size, also while assets come and go between
 * pages: an asset present throughout is seen exactly once, in sort order, and no asset twice.
 * Rows are written straight into a real index file (listing never opens media files, so none are
 * needed), which lets many random libraries run in seconds.
 */
class PagingPropertiesTest {

    @Property(tries = 60)
    void everyStableAssetIsSeenOnceInOrder(
            @ForAll @IntRange(min = 0, max = 60) int assetCount,
            @ForAll @IntRange(min = 1, max = 9) int pageSize,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        Path root = Files.createTempDirectory("camroll-paging");
        try (MediaLibrary library =
                        MediaLibrary.open(root, LibraryOptions.defaults().withScanOnOpen(false));
                Database database = Database.open(root.resolve(".camroll/index.db"))) {
            ScanStore store = new ScanStore(database);
            List<AlbumRow> albums = List.of(store.addAlbum("", "root"), store.addAlbum("a", "a"));
            Map<String, Row> live = new HashMap<>();
            Map<String, Long> rowIds = new HashMap<>();
            for (int i = 0; i < assetCount; i++) {
                insert(store, albums, random, "f" + i, live, rowIds);
            }
            List<SortKey> sort = randomSort(random);
            Set<MediaType> types = randomTypes(random);
            String album = random.nextInt(3) == 0 ? albums.get(1).publicId() : null;
            // Creation times are 0 to 4000 in steps of 1000; bounds on and between them.
            Long createdAfter = random.nextInt(3) == 0 ? (long) random.nextInt(9) * 500 - 500 : null;
            Long createdBefore = random.nextInt(3) == 0 ? (long) random.nextInt(9) * 500 : null;

            Set<String> present = new HashSet<>(live.keySet());
            List<String> seen = new ArrayList<>();
            String after = null;
            int fresh = assetCount;
            AssetPage page;
            int pages = 0;
            do {
                page = library.getAssets(AssetQuery.builder()
                        .first(pageSize)
                        .after(after)
                        .sortBy(sort)
                        .mediaTypes(types)
                        .album(album)
                        .createdAfter(createdAfter)
                        .createdBefore(createdBefore)
                        .build());
                page.assets().forEach(asset -> seen.add(asset.filename()));
                after = page.endCursor();
                // Change the library between two pages: the walk must still be right.
                int changes = random.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    if (random.nextBoolean() || live.isEmpty()) {
                        insert(store, albums, random, "f" + fresh++, live, rowIds);
                    } else {
                        String victim = List.copyOf(live.keySet()).get(random.nextInt(live.size()));
                        long albumRowId = albums.get(live.get(victim).album()).rowId();
                        KnownFile known = store.knownFiles(albumRowId).get(victim);
                        store.apply(List.of(
                                new ScanChange.Delete(known.assetRowId(), known.publicId(), albumRowId, victim)));
                        live.remove(victim);
                        present.remove(victim);
                    }
                }
                assertThat(++pages).isLessThan(1_000);
            } while (page.hasNextPage());

            assertThat(new HashSet<>(seen)).as("no asset twice").hasSize(seen.size());
            Set<String> expected = new HashSet<>();
            for (String name : present) {
                Row row = live.get(name);
                if (types.contains(row.type())
                        && (album == null || row.album() == 1)
                        && (createdAfter == null || row.created() > createdAfter)
                        && (createdBefore == null || row.created() < createdBefore)) {
                    expected.add(name);
                }
            }
            assertThat(seen).as("every asset present throughout").containsAll(expected);
            List<String> stableInOrder =
                    seen.stream().filter(expected::contains).toList();
            List<String> sorted =
                    expected.stream().sorted(comparator(sort, live, rowIds)).toList();
            assertThat(stableInOrder).as("sort order").isEqualTo(sorted);
        } finally {
            deleteTree(root);
        }
    }

    private static void insert(
            ScanStore store,
            List<AlbumRow> albums,
            Random random,
            String name,
            Map<String, Row> live,
            Map<String, Long> rowIds) {
        MediaType type = MediaType.values()[random.nextInt(3)];
        int album = random.nextInt(2);
        // Few distinct values, so that ties (broken by the row id) are common.
        Row row = new Row(
                type,
                album,
                random.nextInt(4),
                random.nextInt(4),
                random.nextInt(5) * 1000L,
                random.nextInt(3) * 1000L,
                type == MediaType.PHOTO ? 0 : random.nextInt(3) * 1.5);
        NewAsset asset = new NewAsset(
                albums.get(album).rowId(),
                name,
                type,
                "JPEG",
                Set.of(),
                row.width(),
                row.height(),
                1,
                row.created(),
                row.modified(),
                row.duration(),
                1,
                null,
                null,
                null,
                List.of(),
                null,
                ReaderVersions.current(type));
        long rowId = store.apply(List.of(new ScanChange.Insert(asset))).getFirst();
        live.put(name, row);
        rowIds.put(name, rowId);
    }

    private static List<SortKey> randomSort(Random random) {
        List<SortField> fields = new ArrayList<>(List.of(SortField.values()));
        java.util.Collections.shuffle(fields, random);
        List<SortKey> keys = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (SortField field : fields.subList(0, random.nextInt(4))) {
            // DEFAULT and CREATION_TIME read the same column; one of them is enough.
            if (columns.add(field == SortField.DEFAULT ? "creationTime" : field.wireName())) {
                keys.add(new SortKey(field, random.nextBoolean()));
            }
        }
        return keys;
    }

    private static Set<MediaType> randomTypes(Random random) {
        EnumSet<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (MediaType type : MediaType.values()) {
            if (random.nextBoolean()) {
                types.add(type);
            }
        }
        return types.isEmpty() ? EnumSet.of(MediaType.PHOTO) : types;
    }

    private static Comparator<String> comparator(List<SortKey> sort, Map<String, Row> rows, Map<String, Long> ids) {
        List<SortKey> keys = sort.isEmpty() ? List.of(SortKey.desc(SortField.DEFAULT)) : sort;
        Comparator<String> order = (a, b) -> 0;
        for (SortKey key : keys) {
            Comparator<String> byKey = Comparator.comparingDouble(name -> value(rows.get(name), key.field()));
            order = order.thenComparing(key.ascending() ? byKey : byKey.reversed());
        }
        Comparator<String> byRowId = Comparator.comparingLong(ids::get);
        // The row id breaks ties in the direction of the last key other than the media type.
        boolean idAscending = keys.reversed().stream()
                .filter(key -> key.field() != SortField.MEDIA_TYPE)
                .findFirst()
                .orElse(keys.getLast())
                .ascending();
        return order.thenComparing(idAscending ? byRowId : byRowId.reversed());
    }

    private static double value(Row row, SortField field) {
        return switch (field) {
            case DEFAULT, CREATION_TIME -> row.created();
            case MEDIA_TYPE -> row.type().ordinal();
            case WIDTH -> row.width();
            case HEIGHT -> row.height();
            case MODIFICATION_TIME -> row.modified();
            case DURATION -> row.duration();
        };
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record Row(
            MediaType type, int album, int width, int height, long created, long modified, double duration) {}
}
