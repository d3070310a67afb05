package dev.camroll.core.scan;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.store.NewAsset;
import java.util.EnumSet;
import java.util.Set;

/** Turns what was read of a file into the row the index keeps: one rule for the scan and for writes. */
public final class AssetRecords {
    private AssetRecords() {}

    public static NewAsset of(MediaFacts facts, long albumRowId, String filename, long size, long modificationTime) {
        Set<MediaSubtype> subtypes = facts.subtypes().isEmpty() ? Set.of() : EnumSet.copyOf(facts.subtypes());
        return new NewAsset(
                albumRowId,
                filename,
                facts.mediaType(),
                facts.format().name(),
                subtypes,
                facts.width(),
                facts.height(),
                facts.orientation(),
                // A file that says nothing of when it was made was made no later than it was written.
                facts.capturedAt() != null ? facts.capturedAt() : modificationTime,
                modificationTime,
                facts.durationSeconds(),
                size,
                facts.location(),
                facts.make(),
                facts.model(),
                facts.warnings(),
                facts.contentKey(),
                facts.readerVersion(),
                facts.burstId(),
                facts.contentIdentifier());
    }
}
