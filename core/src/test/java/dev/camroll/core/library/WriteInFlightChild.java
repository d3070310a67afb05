package dev.camroll.core.library;

import dev.camroll.core.access.Scope;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.scan.AssetRecords;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.WriteLock;
import dev.camroll.core.store.WriteStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;

/**
 * Another process in the middle of a write that places files before it indexes them, held there:
 * it takes the data folder's write lock, places two copies of a photo in the library's root
 * ({@code KEPT} and {@code UNDONE}), prints {@code placed}, and waits for a line on stdin. Then,
 * as a write that commits one file and undoes the other, it indexes {@code KEPT} as a creation
 * does, removes {@code UNDONE}, prints {@code committed <id of KEPT>}, and lets go of the lock.
 *
 * <p>Arguments: library root, source photo, the two file names.
 */
public final class WriteInFlightChild {
    private WriteInFlightChild() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path source = Path.of(args[1]);
        Path kept = root.resolve(args[2]);
        Path undone = root.resolve(args[3]);
        LibraryLocation location = LibraryLocation.of(root, null);
        try (WriteLock.Held held = WriteLock.of(location.dataDir()).hold()) {
            for (Path target : new Path[] {kept, undone}) {
                Path temp = FilePlacement.tempIn(root, "jpg");
                Files.copy(source, temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            System.out.println("placed");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            String id;
            try (Database database = Database.open(location.indexFile())) {
                WriteStore store = new WriteStore(database);
                AlbumRow album = store.folder("", "root");
                MediaFacts facts = ((ProbeOutcome.Media) new MediaProbe(ZoneOffset.UTC).probe(kept)).facts();
                BasicFileAttributes attributes = Files.readAttributes(kept, BasicFileAttributes.class);
                AssetRow row = store.insert(
                                Scope.owner(),
                                AssetRecords.of(
                                        facts,
                                        album.rowId(),
                                        args[2],
                                        attributes.size(),
                                        attributes.lastModifiedTime().toMillis()))
                        .orElseThrow();
                id = row.publicId();
            }
            Files.delete(undone);
            System.out.println("committed " + id);
            System.out.flush();
        }
    }
}
