package dev.camroll.server.web;

import dev.camroll.api.Location;
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
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

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
        long newest = 1_780_000_000_000L;
        write(root, count, i -> newest - i * 3_600_000L, i -> null);
    }

    /** Towns a camera roll's outings go to, in turn. */
    private static final Location[] TOWNS = {
        new Location(48.8530, 2.3499), // Paris
        new Location(45.7640, 4.8357), // Lyon
        new Location(43.2965, 5.3698), // Marseille
        new Location(44.8378, -0.5792), // Bordeaux
        new Location(47.2184, -1.5536), // Nantes
    };

    /**
     * Writes a camera roll of outings, each a moment: {@code perOuting} photos 10 minutes apart
     * from 10:00, one outing a day, the newest first, at one of five French towns in turn.
     */
    static void writeOutings(Path root, int count, int perOuting) {
        long newestMorning = 1_780_000_000_000L - 1_780_000_000_000L % 86_400_000L + 36_000_000L;
        write(
                root,
                count,
                i -> newestMorning - (i / perOuting) * 86_400_000L + (perOuting - 1 - i % perOuting) * 600_000L,
                i -> TOWNS[(i / perOuting) % TOWNS.length]);
    }

    private static void write(Path root, int count, IntToLongFunction createdAt, IntFunction<Location> placeOf) {
        try {
            Files.createDirectories(root.resolve("Camera"));
            Files.createDirectories(root.resolve(".camroll"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Database database = Database.open(root.resolve(".camroll/index.db"))) {
            ScanStore store = new ScanStore(database);
            AlbumRow album = store.addAlbum("Camera", "Camera");
            List<ScanChange> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long created = createdAt.applyAsLong(i);
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
                        placeOf.apply(i),
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
