package dev.camroll.core.library;

import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.scan.TrashFolder;
import dev.camroll.core.scan.WriteTempFiles;
import dev.camroll.core.store.TrashRecords;
import dev.camroll.core.store.TrashRow;
import dev.camroll.core.store.TrashedVideo;
import dev.camroll.core.store.WriteLock;
import dev.camroll.core.store.WriteStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Brings the trash folder, its sidecars and the index into agreement at open, under the
 * {@link WriteLock}: whatever looks half done was left by a process that died, since a live one
 * holds the lock from its first file move to its last. Nothing is deleted because a row is
 * missing: a trash file is Camroll's only with its sidecar, and one whose id the index does not
 * know is taken back as trashed (a new, emptied or replaced index), not purged.
 *
 * <ul>
 *   <li>A trash file of an id with an asset row (a delete that did not commit, a restore that did
 *       but had not moved its file) goes to the row's place; when the place holds the same file
 *       (the restore's link was made), only the trash name is removed.
 *   <li>A trash file with a sidecar and no row at all is taken back as trashed, with the sidecar's
 *       time, folder, name, flag and facts; one without a sidecar is left alone.
 *   <li>A sidecar without its trash file is dropped (a delete that crashed before its move, or a
 *       restore or purge that crashed after it); a trash row without its file is forgotten.
 *   <li>A trash row whose sidecar is missing (trashed before sidecars) gets one.
 *   <li>A purge journal ({@link PurgeJournal}) left by a purge that died: its purge is finished.
 * </ul>
 */
final class TrashReconciliation {
    /**
     * Reconciliation is the library's own work on its own files, done at open for no caller: it
     * sees every asset, as the owner does.
     */
    private static final Scope SELF = Scope.owner();

    private final Path dataDir;
    private final LibraryFolders folders;
    private final TrashWrites trash;
    private final WriteStore store;
    private final TrashRecords records;

    TrashReconciliation(
            Path dataDir, LibraryFolders folders, TrashWrites trash, WriteStore store, TrashRecords records) {
        this.dataDir = dataDir;
        this.folders = folders;
        this.trash = trash;
        this.store = store;
        this.records = records;
    }

    void reconcile() {
        Path trashDir;
        Path infoDir;
        try {
            trashDir = OwnFolders.existing(dataDir, TrashFolder.NAME).orElse(null);
            infoDir = OwnFolders.existing(dataDir, TrashSidecar.FOLDER).orElse(null);
        } catch (RuntimeException notOurs) {
            // A link or a file in place of the trash: nothing is moved or deleted there, and the
            // writes that need the trash say why.
            return;
        }
        if (trashDir == null
                && infoDir == null
                && store.trashedBefore(SELF, Long.MAX_VALUE).isEmpty()) {
            return;
        }
        if (!PurgeJournal.unfinished(infoDir).isEmpty()) {
            try (WriteLock.Held held = trash.exclusive().hold()) {
                // Read again under the lock: the purge may have been running, not dead.
                List<String> purged = PurgeJournal.unfinished(infoDir);
                if (!purged.isEmpty()) {
                    Map<String, Path> files = trashDir == null ? Map.of() : trashFiles(trashDir, new ArrayList<>());
                    trash.finishPurge(SELF, purged, files);
                }
            }
        }
        // A look first, without the lock: an open that finds nothing to do (the rule) neither
        // waits for another process's write nor writes anything.
        if (!pass(trashDir, infoDir, false)) {
            return;
        }
        try (WriteLock.Held held = trash.exclusive().hold()) {
            pass(trashDir, infoDir, true);
        }
    }

    /**
     * One pass over the trash, its sidecars and the index; changes things only when {@code apply}
     * (under the lock). Whether anything was, or is, to be done.
     */
    private boolean pass(Path trashDir, Path infoDir, boolean apply) {
        List<Path> temporary = new ArrayList<>();
        Map<String, Path> files = trashDir == null ? Map.of() : trashFiles(trashDir, temporary);
        Map<String, Path> sidecars = infoDir == null ? Map.of() : sidecarFiles(infoDir, temporary);
        boolean work = !temporary.isEmpty();
        if (apply) {
            // A move from another file system copies into a temporary file first; it stays while
            // the process writing it is alive.
            WriteTempFiles.deleteAbandoned(temporary);
        }
        Map<String, TrashRow> trashRows = new LinkedHashMap<>();
        for (TrashRow row : store.trashedBefore(SELF, Long.MAX_VALUE)) {
            trashRows.put(row.publicId(), row);
        }
        Map<String, TrashedVideo> trashedVideos = store.trashedVideos().all();
        // An id has an asset row or a trash row, never both (each write swaps them in one
        // transaction), and a Live Photo's video a paired or a trashed one: only ids without a
        // trash row are looked up, none as a rule.
        Set<String> unknown = new HashSet<>(files.keySet());
        unknown.addAll(sidecars.keySet());
        unknown.removeAll(trashRows.keySet());
        unknown.removeAll(trashedVideos.keySet());
        List<String> lookedUp = List.copyOf(unknown);
        Set<String> withAssetRow = new HashSet<>(lookedUp);
        withAssetRow.removeAll(store.missingAssets(SELF, lookedUp));
        Set<String> pairedInPlace = new HashSet<>();
        for (String id : lookedUp) {
            if (!withAssetRow.contains(id) && store.livePairs().video(id).isPresent()) {
                pairedInPlace.add(id);
            }
        }
        List<Map.Entry<String, TrashSidecar>> videosToAdopt = new ArrayList<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String id = file.getKey();
            if (withAssetRow.contains(id)) {
                work = true;
                if (apply) {
                    backInPlace(id, file.getValue());
                    trash.dropSidecar(id);
                }
            } else if (pairedInPlace.contains(id)) {
                // A Live Photo's video whose photo's delete did not commit, or whose restore did.
                work = true;
                if (apply) {
                    videoBackInPlace(id, file.getValue());
                    trash.dropSidecar(id);
                }
            } else if (trashedVideos.containsKey(id)) {
                continue;
            } else if (trashRows.containsKey(id)) {
                if (!sidecars.containsKey(id)) {
                    work = true;
                    if (apply) {
                        writeSidecarOf(trashRows.get(id));
                    }
                }
            } else if (sidecars.containsKey(id)) {
                Optional<TrashSidecar> sidecar = TrashSidecar.read(sidecars.get(id))
                        .filter(read -> read.trashName().equals(RawNames.nameOf(file.getValue())));
                work |= sidecar.isPresent();
                if (apply && sidecar.isPresent() && sidecar.get().pairedWith() != null) {
                    // After the photos: its photo may be among those taken back.
                    videosToAdopt.add(Map.entry(id, sidecar.get()));
                } else if (apply && sidecar.isPresent()) {
                    records.adopt(
                            id,
                            sidecar.get().trashName(),
                            sidecar.get().trashedAt(),
                            sidecar.get().columns());
                }
            }
        }
        for (Map.Entry<String, TrashSidecar> video : videosToAdopt) {
            adoptVideo(video.getValue());
        }
        for (Map.Entry<String, Path> sidecar : sidecars.entrySet()) {
            if (!files.containsKey(sidecar.getKey())
                    && TrashSidecar.read(sidecar.getValue()).isPresent()) {
                work = true;
                if (apply) {
                    trash.dropSidecar(sidecar.getKey());
                }
            }
        }
        List<String> withoutFile = new ArrayList<>();
        for (TrashRow row : trashRows.values()) {
            if (!files.containsKey(row.publicId())) {
                withoutFile.add(row.publicId());
            }
        }
        work |= !withoutFile.isEmpty();
        if (apply) {
            store.forgetTrash(SELF, withoutFile);
        }
        List<String> videosWithoutFile = new ArrayList<>();
        for (TrashedVideo video : trashedVideos.values()) {
            if (!files.containsKey(video.publicId())) {
                videosWithoutFile.add(video.publicId());
            } else if (!trashRows.containsKey(video.photoPublicId()) || withoutFile.contains(video.photoPublicId())) {
                work = true;
            }
        }
        work |= !videosWithoutFile.isEmpty();
        if (apply) {
            store.trashedVideos().forget(videosWithoutFile);
            // A video whose photo left the trash without it is a trashed asset of its own.
            store.trashedVideos().unpairOrphans();
        }
        return work;
    }

    /** The trash's own files by id: plain files named {@code <id>.<ext>}; temporary leftovers go. */
    private static Map<String, Path> trashFiles(Path trashDir, List<Path> temporary) {
        return filesById(trashDir, TrashReconciliation::trashIdOf, temporary);
    }

    /** The sidecar files by the id their name gives; read only where one is needed. */
    private static Map<String, Path> sidecarFiles(Path infoDir, List<Path> temporary) {
        return filesById(infoDir, TrashSidecar::idOf, temporary);
    }

    private static String trashIdOf(String name) {
        if (name.startsWith(".")) {
            return null;
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * The plain files of one of the data folder's own folders by the id their name gives (names
     * that give none are left alone); abandoned temporary files are added to {@code temporary}.
     */
    private static Map<String, Path> filesById(Path folder, Function<String, String> idOfName, List<Path> temporary) {
        Map<String, Path> files = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!OwnFolders.isPlainFile(entry)) {
                    continue;
                }
                String name = RawNames.nameOf(entry);
                if (WriteTempFiles.isTempName(name)) {
                    if (abandoned(entry)) {
                        temporary.add(entry);
                    }
                    continue;
                }
                String id = idOfName.apply(name);
                if (id != null) {
                    files.put(id, entry);
                }
            }
        } catch (IOException e) {
            throw new WriteException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static boolean abandoned(Path temporary) {
        try {
            return WriteTempFiles.isAbandoned(temporary, Instant.now());
        } catch (IOException e) {
            return false;
        }
    }

    /** A trash file whose asset has a row: to the row's place, or dropped when already there. */
    private void backInPlace(String id, Path inTrash) {
        Optional<Path> place = folders.pathOf(SELF, id);
        try {
            if (place.isPresent()
                    && Files.exists(place.get(), LinkOption.NOFOLLOW_LINKS)
                    && Files.isSameFile(place.get(), inTrash)) {
                Files.delete(inTrash);
                return;
            }
        } catch (IOException e) {
            throw new WriteException("cannot finish an interrupted restore of " + id + ": " + e.getMessage(), e);
        }
        trash.putInPlace(SELF, id, inTrash);
    }

    /**
     * A Live Photo's trashed video taken back from its sidecar: beside its photo when that is in
     * the trash, else as a trashed asset of its own, never lost.
     */
    private void adoptVideo(TrashSidecar sidecar) {
        if (!records.adoptVideo(
                sidecar.publicId(),
                sidecar.pairedWith(),
                sidecar.trashName(),
                sidecar.trashedAt(),
                sidecar.columns())) {
            records.adopt(sidecar.publicId(), sidecar.trashName(), sidecar.trashedAt(), sidecar.columns());
        }
    }

    /** A trash file of a paired video: to its row's place, or dropped when already there. */
    private void videoBackInPlace(String id, Path inTrash) {
        Optional<Path> place = store.livePairs()
                .video(id)
                .map(video -> RawNames.resolve(folders.folderOf(video.relPath()), video.filename()));
        try {
            if (place.isPresent()
                    && Files.exists(place.get(), LinkOption.NOFOLLOW_LINKS)
                    && Files.isSameFile(place.get(), inTrash)) {
                Files.delete(inTrash);
                return;
            }
        } catch (IOException e) {
            throw new WriteException("cannot finish an interrupted restore of " + id + ": " + e.getMessage(), e);
        }
        trash.putVideoInPlace(id, inTrash);
    }

    private void writeSidecarOf(TrashRow row) {
        Map<String, String> columns =
                records.ofTrash(SELF, List.of(row.publicId())).getOrDefault(row.publicId(), Map.of());
        try {
            new TrashSidecar(row.publicId(), row.trashName(), row.trashedAt(), columns, null)
                    .writeTo(OwnFolders.require(dataDir, TrashSidecar.FOLDER));
        } catch (IOException e) {
            throw new WriteException("cannot write the sidecar of " + row.trashName() + ": " + e.getMessage(), e);
        }
    }
}
