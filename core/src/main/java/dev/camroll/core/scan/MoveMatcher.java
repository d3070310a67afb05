package dev.camroll.core.scan;

import dev.camroll.core.files.RawNames;
import dev.camroll.core.metadata.ContentKey;
import dev.camroll.core.store.KeyedPlace;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a file renamed or moved on disk by another program from a new one, by its content key, so
 * that it keeps its id and favorite flag. A new file takes, in this order:
 *
 * <ol>
 *   <li>a row whose file the walk did not find (a file renamed, or moved to another folder, or a
 *       folder renamed), preferring one of the same name;
 *   <li>a row whose file no longer exists: the walk listed its folder before the file left it;
 *   <li>nothing when every row with its key still has its file: the new file is a copy, a new
 *       asset.
 * </ol>
 *
 * Each new file takes at most one row and each row is taken at most once, so of two identical
 * files of which one moved, both ids stay. A taken row is updated in place (folder, name, content,
 * generation), which changesSince reports as an update. Only the rows of gone files are held in
 * memory; other rows are looked up by key, a batch at a time.
 *
 * <p>Not thread-safe: the scan resolves its batches one after the other.
 */
final class MoveMatcher {
    private final Path root;
    private final Path dataDir;
    private final ScanStore store;
    private final boolean lookUpIndex;
    private final Map<ContentKey, List<GoneAsset>> gone = new HashMap<>();
    private final List<GoneAsset> keyless = new ArrayList<>();
    private final Set<String> inTransit;
    private final Set<Long> taken = new HashSet<>();

    /**
     * @param lookUpIndex whether the index may hold rows of the new files' content besides the
     *     gone ones (false on a first scan, which then costs no lookup)
     * @param inTransit public ids whose files are in the trash folder: a delete or restore is
     *     moving them, so their rows are not taken (see TrashFolder)
     */
    MoveMatcher(
            Path root,
            Path dataDir,
            ScanStore store,
            List<GoneAsset> goneAssets,
            boolean lookUpIndex,
            Set<String> inTransit) {
        this.root = root;
        this.dataDir = dataDir;
        this.store = store;
        this.lookUpIndex = lookUpIndex;
        this.inTransit = inTransit;
        for (GoneAsset asset : goneAssets) {
            if (asset.key() == null) {
                keyless.add(asset);
            } else {
                gone.computeIfAbsent(asset.key(), key -> new ArrayList<>(1)).add(asset);
            }
        }
    }

    /** The outcomes, each new file that is a moved one turned from an insert into an update of its row. */
    List<FileReading.Outcome> resolve(List<FileReading.Outcome> outcomes) {
        List<FileReading.Outcome> resolved = new ArrayList<>(outcomes);
        Map<Integer, NewAsset> unmatched = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            NewAsset asset = inserted(outcomes.get(i));
            if (asset == null) {
                continue;
            }
            GoneAsset row = takeGone(asset);
            if (row != null) {
                resolved.set(i, moved(outcomes.get(i), row.rowId(), row.publicId()));
            } else {
                unmatched.put(i, asset);
            }
        }
        if (lookUpIndex && !unmatched.isEmpty()) {
            Map<ContentKey, List<KeyedPlace>> places = store.placesByKey(unmatched.values().stream()
                    .map(NewAsset::contentKey)
                    .distinct()
                    .toList());
            for (Map.Entry<Integer, NewAsset> entry : unmatched.entrySet()) {
                for (KeyedPlace place : places.getOrDefault(entry.getValue().contentKey(), List.of())) {
                    if (!taken.contains(place.assetRowId())
                            && !inTransit.contains(place.publicId())
                            && vanished(place)) {
                        taken.add(place.assetRowId());
                        resolved.set(
                                entry.getKey(),
                                moved(outcomes.get(entry.getKey()), place.assetRowId(), place.publicId()));
                        break;
                    }
                }
            }
        }
        return resolved;
    }

    /** The gone rows no new file took: their files are gone, or somewhere this scan did not see. */
    List<GoneAsset> untaken() {
        List<GoneAsset> rows = new ArrayList<>(keyless);
        gone.values().forEach(rows::addAll);
        return rows;
    }

    /** The asset a new file's outcome inserts, when it has a key; else null. */
    private static NewAsset inserted(FileReading.Outcome outcome) {
        if (outcome.kind() != FileReading.Kind.ADDED) {
            return null;
        }
        for (ScanChange change : outcome.changes()) {
            if (change instanceof ScanChange.Insert(NewAsset asset) && asset.contentKey() != null) {
                return asset;
            }
        }
        return null;
    }

    private GoneAsset takeGone(NewAsset asset) {
        List<GoneAsset> rows = gone.get(asset.contentKey());
        if (rows == null) {
            return null;
        }
        int pick = 0;
        for (int i = 0; i < rows.size(); i++) {
            // Of identical files, the one of the same name: a renamed folder keeps each name's id.
            if (rows.get(i).filename().equals(asset.filename())) {
                pick = i;
                break;
            }
        }
        GoneAsset row = rows.remove(pick);
        if (rows.isEmpty()) {
            gone.remove(asset.contentKey());
        }
        taken.add(row.rowId());
        return row;
    }

    /**
     * True only when the row's file is known not to exist: an unreadable folder's file is not
     * taken, nor one in the trash folder, on its way there or back (a delete or restore of this or
     * another process, which moves the file first or writes the row first).
     */
    private boolean vanished(KeyedPlace place) {
        Path folder = place.folder().isEmpty() ? root : RawNames.resolve(root, place.folder());
        return Files.notExists(RawNames.resolve(folder, place.filename()), LinkOption.NOFOLLOW_LINKS)
                && !TrashFolder.holds(dataDir, place.publicId(), place.filename());
    }

    private static FileReading.Outcome moved(FileReading.Outcome outcome, long rowId, String publicId) {
        List<ScanChange> changes = new ArrayList<>(outcome.changes().size());
        for (ScanChange change : outcome.changes()) {
            changes.add(
                    change instanceof ScanChange.Insert(NewAsset asset)
                            ? new ScanChange.Update(rowId, publicId, asset)
                            : change);
        }
        return new FileReading.Outcome(FileReading.Kind.MOVED, changes, outcome.warnings());
    }
}
