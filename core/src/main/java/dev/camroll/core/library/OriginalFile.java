package dev.camroll.core.library;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The original file of an asset, as a scope of the library hands it out: what to say about it
 * (name, type, size, validator) and a way to read it. The path stays inside: the bytes are read
 * only through {@link #open()}, which checks again that the file is still the asset's own.
 */
public final class OriginalFile {
    private final String assetId;
    private final String filename;
    private final String mimeType;
    private final Path path;
    private final OriginalFiles.Described described;

    OriginalFile(String assetId, String filename, String mimeType, Path path, OriginalFiles.Described described) {
        this.assetId = assetId;
        this.filename = filename;
        this.mimeType = mimeType;
        this.path = path;
        this.described = described;
    }

    public String assetId() {
        return assetId;
    }

    /** The file's name as the API's {@code filename} carries it (see ARCHITECTURE.md, File names). */
    public String filename() {
        return filename;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The file's size in bytes now (not as indexed). */
    public long size() {
        return described.size();
    }

    public long lastModifiedMillis() {
        return described.lastModifiedMillis();
    }

    /**
     * A strong validator in HTTP's form, quotes included ({@code "3f2a..."}): it changes when the
     * file's bytes change (its size, modification time or file changes).
     */
    public String etag() {
        return described.etag();
    }

    /**
     * Opens the file for reading. Refused as missing ({@link NoSuchFileException}) when it is no
     * longer the plain file this object describes where the index says: gone, replaced by a
     * symbolic link or something other than a file, reached through a link, or changed since (its
     * {@link #etag()} would no longer be true).
     */
    public SeekableByteChannel open() throws IOException {
        return OriginalFiles.open(path, described);
    }

    @Override
    public String toString() {
        return "OriginalFile[" + assetId + ", " + filename + ", " + mimeType + ", " + size() + " bytes]";
    }
}
