package dev.camroll.core.scan;

import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Brings the index up to date with the folder tree: walk and compare fingerprints, read the new
 * and changed files on every core, and write the results in batches, one transaction each. One
 * damaged file costs a warning, never the scan.
 */
public final class LibraryScanner {
    private static final int FILES_PER_TASK = 64;
    private static final int CHANGES_PER_TRANSACTION = 2_000;

    private final Path root;
    private final Path dataDir;
    private final ScanStore store;
    private final MediaProbe probe;

    public LibraryScanner(Path root, Path dataDir, ScanStore store, MediaProbe probe) {
        this.root = root;
        this.dataDir = dataDir;
        this.store = store;
        this.probe = probe;
    }

    public synchronized ScanReport scan(ScanProgress progress) {
        long started = System.nanoTime();
        if (!Files.isDirectory(root)) {
            throw new ScanException("the library folder " + root + " does not exist or is not a folder");
        }
        try (ScanLock ignored = ScanLock.acquire(dataDir, root)) {
            return scanLocked(progress, started);
        } catch (IOException e) {
            throw new ScanException("cannot scan " + root + ": " + e.getMessage(), e);
        }
    }

    private ScanReport scanLocked(ScanProgress progress, long started) throws IOException {
        // The trash is listed before and after the walk: a delete moves a file in after its
        // folder was listed, a restore moves it out before (see TrashFolder).
        Set<String> inTransit = TrashFolder.idsIn(dataDir);
        WalkResult walk = FolderWalker.walk(root, dataDir, store);
        inTransit.addAll(TrashFolder.idsIn(dataDir));
        // Writes interrupted by a crash leave their temporary files; those of live writes stay.
        WriteTempFiles.deleteAbandoned(walk.tempFiles());
        List<ScanWarning> warnings = new ArrayList<>(walk.warnings());
        List<ScanChange> removals = withoutFilesInTransit(walk.removals(), inTransit);
        int removed = walk.removedAssets() - (walk.removals().size() - removals.size());
        for (AlbumRow gone : walk.goneAlbums()) {
            removed += store.removeAlbum(gone.rowId());
        }
        store.apply(removals);
        progress.started(walk.toRead().size());

        Map<String, Long> albumRows = albumRowsFor(walk.toRead());
        int added = 0;
        int changed = 0;
        List<ScanChange> pending = new ArrayList<>();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (ExecutorService pool = Executors.newFixedThreadPool(
                threads,
                Thread.ofPlatform().name("camroll-scan-", 1).daemon(true).factory())) {
            CompletionService<List<FileReading.Outcome>> done = new ExecutorCompletionService<>(pool);
            int tasks = 0;
            for (int from = 0; from < walk.toRead().size(); from += FILES_PER_TASK) {
                List<FoundFile> chunk =
                        walk.toRead().subList(from, Math.min(walk.toRead().size(), from + FILES_PER_TASK));
                done.submit(() -> readAll(chunk, albumRows, progress));
                tasks++;
            }
            for (int i = 0; i < tasks; i++) {
                for (FileReading.Outcome outcome : take(done)) {
                    pending.addAll(outcome.changes());
                    warnings.addAll(outcome.warnings());
                    switch (outcome.kind()) {
                        case ADDED -> added++;
                        case CHANGED -> changed++;
                        case REMOVED -> removed++;
                        case SKIPPED -> {}
                    }
                }
                if (pending.size() >= CHANGES_PER_TRANSACTION) {
                    store.apply(pending);
                    pending.clear();
                }
            }
        }
        store.apply(pending);
        ScanReport report = new ScanReport(
                added, changed, removed, walk.unchanged(), warnings, (System.nanoTime() - started) / 1_000_000);
        progress.finished(report);
        return report;
    }

    /** The removals, less the deletions of rows whose files are in the trash folder: those are in transit. */
    private List<ScanChange> withoutFilesInTransit(List<ScanChange> removals, Set<String> inTransit) {
        if (inTransit.isEmpty()) {
            return removals;
        }
        List<ScanChange> kept = new ArrayList<>(removals.size());
        for (ScanChange change : removals) {
            if (!(change instanceof ScanChange.Delete(long ignored, String publicId) && inTransit.contains(publicId))) {
                kept.add(change);
            }
        }
        return kept;
    }

    private List<FileReading.Outcome> readAll(
            List<FoundFile> files, Map<String, Long> albumRows, ScanProgress progress) {
        List<FileReading.Outcome> outcomes = new ArrayList<>(files.size());
        for (FoundFile file : files) {
            try {
                outcomes.add(FileReading.read(probe, root, file, albumRows.get(file.folder())));
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
            throw new ScanException("the scan was interrupted");
        } catch (ExecutionException e) {
            throw new ScanException("the scan failed: " + e.getCause(), e.getCause());
        }
    }
}
