package dev.camroll.core.scan;

import dev.camroll.api.ErrorCode;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import dev.camroll.core.store.WriteLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Brings the index up to date with the folder tree: walk and compare fingerprints, read the new
 * and changed files on every core, recognise moved files by content key ({@link MoveMatcher}), and
 * write the results in batches, one transaction each. One damaged file costs a warning, never the
 * scan.
 */
public final class LibraryScanner {
    /** How long a scan waits for another scan of the library to finish before it fails. */
    public static final Duration WAIT_FOR_ANOTHER_SCAN = Duration.ofMinutes(10);

    private static final int FILES_PER_TASK = 64;
    private static final int CHANGES_PER_TRANSACTION = 2_000;

    private final Path root;
    private final Path dataDir;
    private final ScanStore store;
    private final MediaProbe probe;
    /** Public ids of the gone rows the last scan left to this one (see {@link #deletions}). */
    private Set<String> deferredLastScan = Set.of();
    /** Folder rows holding rows left to the next scan: not removed yet. */
    private Set<Long> deferredFolders = Set.of();

    public LibraryScanner(Path root, Path dataDir, ScanStore store, MediaProbe probe) {
        this.root = root;
        this.dataDir = dataDir;
        this.store = store;
        this.probe = probe;
    }

    public ScanReport scan(ScanProgress progress) {
        return scan(progress, ScanScope.WHOLE_TREE, () -> false);
    }

    /**
     * @param scope the whole tree, or the folders the watcher saw events in; the folders of rows
     *     the last scan left to this one are added to the latter, so that they are decided
     * @param anotherScanFollows whether, by the end of this scan, another one is sure to follow
     *     (the folder watcher saw changes while this one ran): a row whose file this scan did not
     *     find may then be left to it, see {@link #deletions}
     */
    public ScanReport scan(ScanProgress progress, ScanScope scope, BooleanSupplier anotherScanFollows) {
        return scan(progress, scope, anotherScanFollows, WAIT_FOR_ANOTHER_SCAN);
    }

    /**
     * @param waitForAnotherScan how long to wait while another scan of the library (another
     *     process's) runs; zero fails at once, as the folder watcher wants: it retries later, and
     *     must not hold up the writes of its process meanwhile
     */
    public synchronized ScanReport scan(
            ScanProgress progress, ScanScope scope, BooleanSupplier anotherScanFollows, Duration waitForAnotherScan) {
        long started = System.nanoTime();
        if (!Files.isDirectory(root)) {
            throw new ScanException(
                    ErrorCode.UNAVAILABLE, "the library folder " + root + " does not exist or is not a folder");
        }
        try (ScanLock ignored = ScanLock.acquire(dataDir, root, progress, waitForAnotherScan)) {
            return scanLocked(progress, started, scope, anotherScanFollows);
        } catch (IOException e) {
            throw new ScanException("cannot scan " + root + ": " + e.getMessage(), e);
        }
    }

    private ScanReport scanLocked(
            ScanProgress progress, long started, ScanScope scope, BooleanSupplier anotherScanFollows)
            throws IOException {
        // The trash is listed before and after the walk: a delete moves a file in after its
        // folder was listed, a restore moves it out before (see TrashFolder).
        Set<String> inTransit = TrashFolder.idsIn(dataDir);
        WalkResult walk = FolderWalker.walk(root, dataDir, store, scope, deferredFolders);
        inTransit.addAll(TrashFolder.idsIn(dataDir));
        // Read after the walk: a move writes its journal before it places a file.
        MovesInFlight moving = MovesInFlight.read(dataDir);
        // Writes interrupted by a crash leave their temporary files; those of live writes stay.
        WriteTempFiles.deleteAbandoned(walk.tempFiles());
        List<ScanWarning> warnings = new ArrayList<>(walk.warnings());
        // A Live Photo's video in the trash folder is in transit with its photo, as the photo's
        // own row is: its pairing stays until the photo's write commits or is undone.
        List<ScanChange> unskips = walk.unskips().stream()
                .filter(change -> !(change instanceof ScanChange.Unskip unskip
                        && unskip.pairedVideoId() != null
                        && inTransit.contains(unskip.pairedVideoId())))
                .toList();
        store.apply(unskips);
        // Rows of gone files are kept until the new files are read: a gone file may have moved.
        // A row whose file is in the trash folder is neither: it is in transit (see TrashFolder).
        // So is the row of an asset an undecided album move names, and the file the move placed
        // is not new: the move's commit or its rollback decides both (see MovesInFlight).
        List<GoneAsset> goneAssets = walk.goneAssets().stream()
                .filter(asset -> !inTransit.contains(asset.publicId()) && !moving.moves(asset.publicId()))
                .toList();
        Set<Long> heldFolders = new HashSet<>();
        walk.goneAssets().stream()
                .filter(asset -> moving.moves(asset.publicId()))
                .forEach(asset -> heldFolders.add(asset.albumRowId()));
        List<FoundFile> toRead = moving.isEmpty()
                ? walk.toRead()
                : walk.toRead().stream()
                        .filter(file -> file.known() != null || !moving.placesAt(file.relativePath()))
                        .toList();
        MoveMatcher moves = new MoveMatcher(root, dataDir, store, goneAssets, !walk.indexWasEmpty(), inTransit);
        progress.started(toRead.size() + walk.keyless().size());

        Map<String, Long> albumRows = albumRowsFor(toRead);
        Tally tally = new Tally();
        List<FileReading.Outcome> pending = new ArrayList<>();
        int pendingChanges = 0;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (ExecutorService pool = Executors.newFixedThreadPool(
                threads,
                Thread.ofPlatform().name("camroll-scan-", 1).daemon(true).factory())) {
            CompletionService<List<FileReading.Outcome>> done = new ExecutorCompletionService<>(pool);
            int tasks = 0;
            for (List<FoundFile> chunk : chunks(toRead)) {
                done.submit(() -> readAll(
                        chunk, file -> FileReading.read(probe, root, file, albumRows.get(file.folder())), progress));
                tasks++;
            }
            for (List<FoundFile> chunk : chunks(walk.keyless())) {
                done.submit(() -> readAll(chunk, file -> FileReading.key(root, file), progress));
                tasks++;
            }
            for (int i = 0; i < tasks; i++) {
                for (FileReading.Outcome outcome : take(done)) {
                    pending.add(outcome);
                    pendingChanges += outcome.changes().size();
                    warnings.addAll(outcome.warnings());
                }
                if (pendingChanges >= CHANGES_PER_TRANSACTION) {
                    write(moves.resolve(pending), tally);
                    pending.clear();
                    pendingChanges = 0;
                }
            }
        }
        write(moves.resolve(pending), tally);

        // What no new file took is gone for good; then the gone folders, now without assets.
        List<ScanChange> deletes = deletions(moves.untaken(), anotherScanFollows.getAsBoolean());
        removeGone(deletes, walk.goneAlbums(), heldFolders, tally);
        unskips.forEach(tally::touched);
        // Both orders of arrival: whichever half came last, its folder was touched now. Under the
        // write lock, as album moves and trash writes of every process are, so that none of them
        // is between its file move and its commit while a row leaves for its pair.
        if (store.hasLivePairsToSettle(tally.touchedFolders)) {
            try (WriteLock.Held held = WriteLock.of(dataDir).hold()) {
                store.settleLivePairs(tally.touchedFolders);
            }
        }
        ScanReport report = new ScanReport(
                tally.added,
                tally.changed,
                tally.removed,
                walk.unchanged(),
                warnings,
                (System.nanoTime() - started) / 1_000_000);
        progress.finished(report);
        return report;
    }

    /**
     * The deletes of the gone rows no new file took. A file moved while the walk ran can be missed
     * at both places (its new folder listed before it arrived, its old one after it left); when
     * another scan follows, a row with a content key is left to it, which finds the file by its
     * key and keeps the id. Only once: a row already left last time is deleted now, so that a
     * library that never rests still sees its deletions.
     */
    private List<ScanChange> deletions(List<GoneAsset> untaken, boolean anotherScanFollows) {
        Set<String> deferred = new HashSet<>();
        deferredFolders = new HashSet<>();
        List<ScanChange> deletes = new ArrayList<>(untaken.size());
        for (GoneAsset row : untaken) {
            if (anotherScanFollows && row.key() != null && !deferredLastScan.contains(row.publicId())) {
                deferred.add(row.publicId());
                deferredFolders.add(row.albumRowId());
            } else {
                deletes.add(new ScanChange.Delete(row.rowId(), row.publicId(), row.albumRowId(), row.filename()));
            }
        }
        deferredLastScan = deferred;
        return deletes;
    }

    /**
     * Deletes the rows of files and folders still gone. Under the data folder's write lock, so
     * that no album move or trash operation of another process is between its file moves and its
     * commit: a file such a write moved after the walk passed both its folders is then either back
     * on disk where the row says (looked at again here) or its row names its new place (which the
     * delete's condition leaves alone). Without this, a scan in one process deleted the row of a
     * file another process had just moved, and the next scan gave the file a new id.
     */
    private void removeGone(List<ScanChange> deletes, List<AlbumRow> goneAlbums, Set<Long> heldFolders, Tally tally) {
        if (deletes.isEmpty() && goneAlbums.isEmpty()) {
            return;
        }
        try (WriteLock.Held held = WriteLock.of(dataDir).hold()) {
            Map<Long, String> folders = new HashMap<>();
            store.albumsByPath().values().forEach(album -> folders.put(album.rowId(), album.relPath()));
            List<ScanChange> stillGone = new ArrayList<>(deletes.size());
            for (ScanChange change : deletes) {
                if (change instanceof ScanChange.Delete delete
                        && folders.containsKey(delete.albumRowId())
                        && Files.exists(
                                RawNames.resolve(folderOf(folders.get(delete.albumRowId())), delete.filename()),
                                LinkOption.NOFOLLOW_LINKS)) {
                    continue; // back where the row says: a write that did not happen after all
                }
                stillGone.add(change);
            }
            for (int from = 0; from < stillGone.size(); from += CHANGES_PER_TRANSACTION) {
                store.apply(stillGone.subList(from, Math.min(stillGone.size(), from + CHANGES_PER_TRANSACTION)));
            }
            tally.removed += stillGone.size();
            for (AlbumRow gone : goneAlbums) {
                if (!deferredFolders.contains(gone.rowId())
                        && !heldFolders.contains(gone.rowId())
                        && !Files.isDirectory(folderOf(gone.relPath()))) {
                    tally.removed += store.removeAlbum(gone.rowId());
                }
            }
        }
    }

    private Path folderOf(String relPath) {
        return relPath.isEmpty() ? root : RawNames.resolve(root, relPath);
    }

    /**
     * Writes a batch under the data folder's write lock, which every write that places files
     * holds from its placement to its commit (creation, copies, moves, restores): a file read
     * while such a write of another process was in flight now either has the row that write gave
     * it (which the insert adopts, keeping its id) or is gone again (the write was undone). A
     * file no longer as it was read is left to the next scan: without this, a scan gave a new id
     * to a file another process was placing, and a later write or scan dropped it again.
     */
    private void write(List<FileReading.Outcome> outcomes, Tally tally) {
        if (outcomes.stream().allMatch(outcome -> outcome.changes().isEmpty())) {
            return; // nothing to write (files that could not be read): no wait for another process
        }
        try (WriteLock.Held held = WriteLock.of(dataDir).hold()) {
            Map<Long, String> folders = new HashMap<>();
            List<ScanChange> changes = new ArrayList<>();
            for (FileReading.Outcome outcome : outcomes) {
                if (!stillAsRead(outcome, folders)) {
                    continue;
                }
                changes.addAll(outcome.changes());
                outcome.changes().forEach(tally::touched);
                switch (outcome.kind()) {
                    case ADDED -> tally.added++;
                    case CHANGED, MOVED -> tally.changed++;
                    case REMOVED -> tally.removed++;
                    case SKIPPED, KEYED -> {}
                }
            }
            store.apply(changes);
        }
    }

    /** Whether the files an outcome indexes are still on disk as they were read. */
    private boolean stillAsRead(FileReading.Outcome outcome, Map<Long, String> folders) {
        for (ScanChange change : outcome.changes()) {
            NewAsset asset =
                    switch (change) {
                        case ScanChange.Insert insert -> insert.asset();
                        case ScanChange.Update update -> update.asset();
                        default -> null;
                    };
            if (asset == null) {
                continue;
            }
            if (folders.isEmpty()) {
                store.albumsByPath().values().forEach(album -> folders.put(album.rowId(), album.relPath()));
            }
            String relPath = folders.get(asset.albumRowId());
            if (relPath == null) {
                return false;
            }
            try {
                BasicFileAttributes now = Files.readAttributes(
                        RawNames.resolve(folderOf(relPath), asset.filename()),
                        BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!now.isRegularFile()
                        || now.size() != asset.fileSize()
                        || now.lastModifiedTime().toMillis() != asset.modificationTime()) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static List<List<FoundFile>> chunks(List<FoundFile> files) {
        List<List<FoundFile>> chunks = new ArrayList<>();
        for (int from = 0; from < files.size(); from += FILES_PER_TASK) {
            chunks.add(files.subList(from, Math.min(files.size(), from + FILES_PER_TASK)));
        }
        return chunks;
    }

    private static List<FileReading.Outcome> readAll(
            List<FoundFile> files, Function<FoundFile, FileReading.Outcome> reading, ScanProgress progress) {
        List<FileReading.Outcome> outcomes = new ArrayList<>(files.size());
        for (FoundFile file : files) {
            try {
                outcomes.add(reading.apply(file));
            } catch (RuntimeException | StackOverflowError e) {
                // Not remembered as skipped: the next scan tries the file again.
                outcomes.add(new FileReading.Outcome(
                        FileReading.Kind.SKIPPED,
                        List.of(),
                        List.of(new ScanWarning(file.relativePath(), "could not be read: " + e, false))));
            }
            progress.fileRead();
        }
        return outcomes;
    }

    /** What the report counts. */
    private static final class Tally {
        int added;
        int changed;
        int removed;
        /** The folders whose files were added, changed or unpaired: where Live Photos may pair. */
        final Set<Long> touchedFolders = new HashSet<>();

        void touched(ScanChange change) {
            switch (change) {
                case ScanChange.Insert insert ->
                    touchedFolders.add(insert.asset().albumRowId());
                case ScanChange.Update update ->
                    touchedFolders.add(update.asset().albumRowId());
                case ScanChange.Unskip unskip -> touchedFolders.add(unskip.albumRowId());
                default -> {}
            }
        }
    }

    private Map<String, Long> albumRowsFor(List<FoundFile> files) {
        Map<String, AlbumRow> known = store.albumsByPath();
        Map<String, Long> rows = new HashMap<>();
        for (FoundFile file : files) {
            rows.computeIfAbsent(file.folder(), folder -> {
                AlbumRow album = known.get(folder);
                return album != null
                        ? album.rowId()
                        : store.addAlbum(folder, titleOf(folder)).rowId();
            });
        }
        return rows;
    }

    private String titleOf(String folder) {
        if (folder.isEmpty()) {
            Path name = root.getFileName();
            return name == null ? "/" : name.toString();
        }
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    private static <T> T take(CompletionService<T> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanException(ErrorCode.UNAVAILABLE, "the scan was interrupted");
        } catch (ExecutionException e) {
            throw new ScanException("the scan failed: " + e.getCause(), e.getCause());
        }
    }
}
