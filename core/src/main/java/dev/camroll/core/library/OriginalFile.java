package dev.camroll.core.library;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The original bytes of one asset, as its file is now: its size, time and tag are read when the
 * asset is looked up, and {@link #open()} refuses a symbolic link put in the file's place.
 */
public final class OriginalFile {
    private final String assetId;
    private final String filename;
    private final String mimeType;
    private final Path path;
    private final long size;
    private final long lastModifiedMillis;

    OriginalFile(String assetId, String filename, String mimeType, Path path, long size, long lastModifiedMillis) {
        this.assetId = assetId;
        this.filename = filename;
        this.mimeType = mimeType;
        this.path = path;
        this.size = size;
        this.lastModifiedMillis = lastModifiedMillis;
    }

    public String assetId() {
        return assetId;
    }

    /** The file's name (the API's form: bytes that are not UTF-8 as private-use chars). */
    public String filename() {
        return filename;
    }

    public String mimeType() {
        return mimeType;
    }

    public long size() {
        return size;
    }

    public long lastModifiedMillis() {
        return lastModifiedMillis;
    }

    /** A strong entity tag: changes whenever the file's size or modification time does. */
    public String etag() {
        return "\"" + assetId + "-" + Long.toHexString(size) + "-"
                + Long.toHexString(lastModifiedMillis).toLowerCase(Locale.ROOT) + "\"";
    }

    /** Opens the bytes for reading; a symbolic link in the file's place is refused. */
    public SeekableByteChannel open() throws IOException {
        return Files.newByteChannel(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }
}
