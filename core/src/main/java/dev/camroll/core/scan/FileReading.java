package dev.camroll.core.scan;

import dev.camroll.api.MediaSubtype;
import dev.camroll.api.ScanWarning;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads one found file and says what the index should do with it. */
final class FileReading {
    private FileReading() {}

    /**
     * @param albumRowId the folder's row in the index
     * @return the changes, in order, with the warnings and the kind of outcome
     */
    static Outcome read(MediaProbe probe, Path root, FoundFile file, long albumRowId) {
        ProbeOutcome outcome = probe.probe(root.resolve(file.relativePath()));
        List<ScanChange> changes = new ArrayList<>(2);
        List<ScanWarning> warnings = new ArrayList<>(0);
        Kind kind;
        switch (outcome) {
            case ProbeOutcome.Media(MediaFacts facts) -> {
                NewAsset asset = toAsset(facts, file, albumRowId);
                if (file.known() == null) {
                    changes.add(new ScanChange.Insert(asset));
                    kind = Kind.ADDED;
                } else if (file.known().isAsset()) {
                    changes.add(new ScanChange.Update(file.known().assetRowId(), asset));
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
                    changes.add(new ScanChange.Delete(file.known().assetRowId()));
                    kind = Kind.REMOVED;
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

    private static NewAsset toAsset(MediaFacts facts, FoundFile file, long albumRowId) {
        Set<MediaSubtype> subtypes = facts.subtypes().isEmpty() ? Set.of() : EnumSet.copyOf(facts.subtypes());
        return new NewAsset(
                albumRowId,
                file.filename(),
                facts.mediaType(),
                facts.format().name(),
                subtypes,
                facts.width(),
                facts.height(),
                facts.orientation(),
                // A file that says nothing of when it was made was made no later than it was written.
                facts.capturedAt() != null ? facts.capturedAt() : file.modificationTime(),
                file.modificationTime(),
                facts.durationSeconds(),
                file.size(),
                facts.location(),
                facts.make(),
                facts.model(),
                facts.warnings());
    }

    enum Kind {
        ADDED,
        CHANGED,
        REMOVED,
        SKIPPED
    }

    record Outcome(Kind kind, List<ScanChange> changes, List<ScanWarning> warnings) {}
}
