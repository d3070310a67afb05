package dev.camroll.core.store;

import dev.camroll.core.metadata.ContentKey;

/** One change the scan writes to the index. */
public sealed interface ScanChange {
    /** A file seen for the first time. */
    record Insert(NewAsset asset) implements ScanChange {}

    /**
     * A known file whose content changed, or a file renamed or moved on disk (recognised by its
     * content key): same id, favorite kept, reported as updated. A row that is gone meanwhile (the
     * public id no longer matches the row) is left alone.
     */
    record Update(long rowId, String publicId, NewAsset asset) implements ScanChange {}

    /**
     * The content key of an unchanged file whose row has none yet (indexed before keys were kept).
     * Not a change anyone is told of: the row's generation stays.
     */
    record SetKey(long rowId, String publicId, ContentKey key) implements ScanChange {}

    /**
     * A file that is gone. The row is deleted only while it still names the place where the file
     * was missed: a row that is gone already, or that another process's write moved meanwhile
     * (its file then lives elsewhere), is left alone.
     */
    record Delete(long rowId, String publicId, long albumRowId, String filename) implements ScanChange {}

    /** A file that is not media: remembered so that a rescan does not read it again. */
    record Skip(long albumRowId, String filename, long fileSize, long modificationTime, String warning)
            implements ScanChange {}

    /**
     * A skipped file or a Live Photo's paired video (see {@link LivePairs}) that is gone, or that
     * changed and is read again.
     *
     * @param pairedVideoId the paired video's id, when the gone file is one: a video whose file is
     *     in the trash folder is in transit with its photo, not gone
     */
    record Unskip(long albumRowId, String filename, String pairedVideoId) implements ScanChange {
        public Unskip(long albumRowId, String filename) {
            this(albumRowId, filename, null);
        }
    }
}
