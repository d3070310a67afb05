package dev.camroll.core.scan;

import dev.camroll.api.ScanWarning;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.metadata.ContentKey;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads one found file and says what the index should do with it. */
final class FileReading {
    private FileReading() {}

    /**
     * @param albumRowId the folder's row in the index
     * @return the changes, in order, with the warnings and the kind of outcome
     */
    static Outcome read(MediaProbe probe, Path root, FoundFile file, long albumRowId) {
        ProbeOutcome outcome = probe.probe(RawNames.resolve(root, file.relativePath()));
        List<ScanChange> changes = new ArrayList<>(2);
        List<ScanWarning> warnings = new ArrayList<>(0);
        Kind kind;
        switch (outcome) {
            case ProbeOutcome.Media(MediaFacts facts) -> {
                NewAsset asset =
                        AssetRecords.of(facts, albumRowId, file.filename(), file.size(), file.modificationTime());
                if (file.known() == null) {
                    changes.add(new ScanChange.Insert(asset));
                    kind = Kind.ADDED;
                } else if (file.known().isAsset()) {
                    changes.add(new ScanChange.Update(
                            file.known().assetRowId(), file.known().publicId(), asset));
                    kind = Kind.CHANGED;
                } else {
                    changes.add(new ScanChange.Unskip(albumRowId, file.filename()));
                    changes.add(new ScanChange.Insert(asset));
                    kind = Kind.ADDED;
                }
                for (String warning : facts.warnings()) {
                    warnings.add(new ScanWarning(file.relativePath(), warning, true));
                }
            }
            case ProbeOutcome.NotMedia(String warning) -> {
                kind = Kind.SKIPPED;
                if (file.known() != null && file.known().isAsset()) {
                    changes.add(new ScanChange.Delete(
                            file.known().assetRowId(), file.known().publicId(), albumRowId, file.filename()));
                    kind = Kind.REMOVED;
                } else if (file.known() != null) {
                    // A Live Photo's video that is no video any more leaves its pair.
                    changes.add(new ScanChange.Unskip(albumRowId, file.filename()));
                }
                changes.add(new ScanChange.Skip(
                        albumRowId, file.filename(), file.size(), file.modificationTime(), warning));
                if (warning != null) {
                    warnings.add(new ScanWarning(file.relativePath(), warning, false));
                }
            }
        }
        return new Outcome(kind, changes, warnings);
    }

    /**
     * The content key of an unchanged file whose row has none: no other column is touched, and no
     * one is told (see {@link ScanChange.SetKey}).
     */
    static Outcome key(Path root, FoundFile file) {
        ContentKey key = ContentKey.of(RawNames.resolve(root, file.relativePath()));
        return key == null
                ? new Outcome(Kind.KEYED, List.of(), List.of())
                : new Outcome(
                        Kind.KEYED,
                        List.of(new ScanChange.SetKey(
                                file.known().assetRowId(), file.known().publicId(), key)),
                        List.of());
    }

    enum Kind {
        ADDED,
        CHANGED,
        /** A renamed or moved file, found by its content key: counted as changed. */
        MOVED,
        REMOVED,
        SKIPPED,
        /** An unchanged file given its content key. */
        KEYED
    }

    record Outcome(Kind kind, List<ScanChange> changes, List<ScanWarning> warnings) {}
}
