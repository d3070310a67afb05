package dev.camroll.core.scan;

import dev.camroll.core.store.KnownFile;

/**
 * A file the walk found new or changed, waiting to be read.
 *
 * @param folder the folder, relative to the library root ('/' separators, "" for the root)
 * @param known what the index knew of it, or null for a new file
 */
record FoundFile(String folder, String filename, long size, long modificationTime, KnownFile known) {
    String relativePath() {
        return folder.isEmpty() ? filename : folder + "/" + filename;
    }
}
