package dev.camroll.core.library;

import dev.camroll.core.media.redact.LocationRedactor;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MotionPhotoVideo;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The original file of an asset, as a scope of the library hands it out: what to say about it
 * (name, type, size, validator) and a way to read it. The path stays inside: the bytes are read
 * only through {@link #open()}, which checks again that the file is still the asset's own.
 *
 * <p>For a scope that does not see locations ({@code Scope.seesLocation()} false) it is the
 * redacted variant: {@link #open()} streams the file with its location overwritten in place (see
 * {@code media/redact}), the same length, so a range of it is that range of the redacted file; its
 * ETag is the original's with a marker, so that a cache never mixes the two.
 */
public final class OriginalFile {
    private final String assetId;
    private final String filename;
    private final String mimeType;
    private final Path path;
    private final OriginalFiles.Described described;
    /** The format the index read, for the redactor; null for one this version does not know. */
    private final MediaFormat format;

    private final boolean withoutLocation;
    /** The part of the file served (a Motion Photo's MP4); null for the whole file. */
    private final MotionPhotoVideo.Range window;

    OriginalFile(
            String assetId,
            String filename,
            String mimeType,
            Path path,
            OriginalFiles.Described described,
            MediaFormat format,
            boolean withoutLocation) {
        this(assetId, filename, mimeType, path, described, format, withoutLocation, null);
    }

    /** The MP4 inside a Motion Photo's file, served as a file of its own. */
    static OriginalFile embeddedVideo(
            String photoId,
            String filename,
            Path path,
            OriginalFiles.Described described,
            MotionPhotoVideo.Range window,
            boolean withoutLocation) {
        return new OriginalFile(
                photoId,
                filename,
                MediaFormat.MP4.mimeType(),
                path,
                described,
                MediaFormat.MP4,
                withoutLocation,
                window);
    }

    private OriginalFile(
            String assetId,
            String filename,
            String mimeType,
            Path path,
            OriginalFiles.Described described,
            MediaFormat format,
            boolean withoutLocation,
            MotionPhotoVideo.Range window) {
        this.assetId = assetId;
        this.filename = filename;
        this.mimeType = mimeType;
        this.path = path;
        this.described = described;
        this.format = format;
        this.withoutLocation = withoutLocation;
        this.window = window;
    }

    /** The same file with its location taken out of the bytes {@link #open()} gives. */
    OriginalFile withoutLocation() {
        return withoutLocation
                ? this
                : new OriginalFile(assetId, filename, mimeType, path, described, format, true, window);
    }

    /** Whether {@link #open()} streams the file with its location taken out. */
    public boolean locationRemoved() {
        return withoutLocation;
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
        return window == null ? described.size() : window.length();
    }

    public long lastModifiedMillis() {
        return described.lastModifiedMillis();
    }

    /**
     * A strong validator in HTTP's form, quotes included ({@code "3f2a..."}): it changes when the
     * file's bytes change (its size, modification time or file changes). The variant without
     * location has its own: the original's with {@code -nolocation} before the closing quote.
     */
    public String etag() {
        String etag = described.etag();
        if (window != null) {
            etag = etag.substring(0, etag.length() - 1) + "-video\"";
        }
        return withoutLocation ? etag.substring(0, etag.length() - 1) + "-nolocation\"" : etag;
    }

    /**
     * Opens the file for reading. Refused as missing ({@link NoSuchFileException}) when it is no
     * longer the plain file this object describes where the index says: gone, replaced by a
     * symbolic link or something other than a file, reached through a link, or changed since (its
     * {@link #etag()} would no longer be true).
     */
    public SeekableByteChannel open() throws IOException {
        SeekableByteChannel whole = OriginalFiles.open(path, described);
        SeekableByteChannel file = window == null ? whole : new ByteWindow(whole, window.offset(), window.length());
        return withoutLocation && format != null ? LocationRedactor.open(file, format) : file;
    }

    @Override
    public String toString() {
        return "OriginalFile[" + assetId + ", " + filename + ", " + mimeType + ", " + size() + " bytes"
                + (withoutLocation ? ", without location]" : "]");
    }
}
