package dev.camroll.server.web;

import dev.camroll.api.MediaType;
import dev.camroll.core.metadata.ReaderVersions;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A library of many photos written straight into the index, without their files, as the query
 * benchmarks build theirs: pages that list the library never open a file, and writing and
 * scanning tens of thousands of pictures would take minutes. Served with
 * {@link WebLibrary#serveIndex} (no scan, which would find the files missing); their thumbnails
 * are 404s, which a page shows as the file's name.
 */
final class IndexRows {
    private IndexRows() {}

    /** Writes count photos in the folder {@code Camera}, an hour apart, the first the newest. */
    static void write(Path root, int count) {
        try {
            Files.createDirectories(root.resolve("Camera"));
            Files.createDirectories(root.resolve(".camroll"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long newest = 1_780_000_000_000L;
        try (Database database = Database.open(root.resolve(".camroll/index.db"))) {
            ScanStore store = new ScanStore(database);
            AlbumRow album = store.addAlbum("Camera", "Camera");
            List<ScanChange> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long created = newest - i * 3_600_000L;
                batch.add(new ScanChange.Insert(new NewAsset(
                        album.rowId(),
                        String.format("IMG_%05d.jpg", i),
                        MediaType.PHOTO,
                        "JPEG",
                        Set.of(),
                        4032,
                        3024,
                        1,
                        created,
                        created,
                        0,
                        2_000_000,
                        null,
                        "Camera",
                        "Model",
                        List.of(),
                        null,
                        ReaderVersions.current(MediaType.PHOTO))));
            }
            store.apply(batch);
        }
    }
}
