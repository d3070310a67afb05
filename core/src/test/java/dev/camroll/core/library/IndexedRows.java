package dev.camroll.core.library;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaType;
import dev.camroll.core.metadata.ReaderVersions;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A library over a real index file whose rows the test writes straight through the scan's store
 * (listing never opens media files, so none are needed): many random libraries run in seconds.
 */
final class IndexedRows implements AutoCloseable {
    /** Every asset of any type, on one page. */
    static final AssetQuery EVERYTHING = AssetQuery.builder()
            .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
            .first(AssetQuery.MAX_FIRST)
            .build();

    final Path root;
    final LocalMediaLibrary library;
    final List<AlbumRow> albums;
    final List<Row> rows = new ArrayList<>();
    private final Database database;
    private final ScanStore store;

    /** One asset row as written. */
    record Row(
            String name,
            MediaType type,
            int album,
            int width,
            int height,
            long created,
            long modified,
            double duration,
            long rowId) {}

    IndexedRows() throws IOException {
        root = Files.createTempDirectory("camroll-rows");
        library = LocalMediaLibrary.open(
                root, LibraryOptions.defaults().withScanOnOpen(false).withWatch(false));
        database = Database.open(root.resolve(".camroll/index.db"));
        store = new ScanStore(database);
        albums = List.of(store.addAlbum("", "root"), store.addAlbum("a", "a"));
    }

    Row insert(MediaType type, int album, int width, int height, long created, long modified, double duration) {
        String name = "f" + rows.size() + ".jpg";
        NewAsset asset = new NewAsset(
                albums.get(album).rowId(),
                name,
                type,
                "JPEG",
                Set.of(),
                width,
                height,
                1,
                created,
                modified,
                duration,
                1,
                null,
                null,
                null,
                List.of(),
                null,
                ReaderVersions.current(type));
        long rowId = store.apply(List.of(new ScanChange.Insert(asset))).getFirst();
        Row row = new Row(name, type, album, width, height, created, modified, duration, rowId);
        rows.add(row);
        return row;
    }

    String albumId(int album) {
        return albums.get(album).publicId();
    }

    @Override
    public void close() throws IOException {
        library.close();
        database.close();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
