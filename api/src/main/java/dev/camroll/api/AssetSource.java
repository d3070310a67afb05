package dev.camroll.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link MediaLibrary#createAsset} stores: a local file, bytes, or a stream, each with the file
 * name it carries.
 */
public sealed interface AssetSource {

    /** The most a stream may bring unless the call says otherwise: 4 GiB. */
    long DEFAULT_MAX_BYTES = 4L << 30;

    /** The name the new asset gets (before a collision suffix); its extension names the format. */
    String fileName();

    /** A local file, copied into the library (the original stays where it is). */
    static AssetSource file(Path path) {
        return new FromFile(path);
    }

    /** Bytes, stored under {@code fileName}. */
    static AssetSource bytes(String fileName, byte[] bytes) {
        return new FromBytes(fileName, bytes);
    }

    /**
     * A stream (an upload, say) of unknown length, stored under {@code fileName}: read once,
     * straight into the temporary file of the write, at most {@link #DEFAULT_MAX_BYTES}. The caller
     * keeps the stream and closes it.
     */
    static FromStream stream(String fileName, InputStream in) {
        return new FromStream(fileName, in, FromStream.UNKNOWN_LENGTH, DEFAULT_MAX_BYTES);
    }

    /**
     * A stream that announces its length (a Content-Length, say): a length past the limit is
     * refused before anything is read, and a stream that ends before it (or runs past it) is
     * refused with nothing kept.
     */
    static FromStream stream(String fileName, InputStream in, long expectedLength) {
        return new FromStream(fileName, in, expectedLength, DEFAULT_MAX_BYTES);
    }

    record FromFile(Path path) implements AssetSource {
        public FromFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String fileName() {
            Path name = path.getFileName();
            return name == null ? "" : name.toString();
        }
    }

    record FromBytes(String fileName, byte[] bytes) implements AssetSource {
        public FromBytes {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * @param expectedLength the length the stream announced, or {@link #UNKNOWN_LENGTH}
     * @param maxBytes past this many bytes the write is refused ({@link ErrorCode#TOO_LARGE}) and
     *     nothing is kept
     */
    record FromStream(String fileName, InputStream in, long expectedLength, long maxBytes) implements AssetSource {
        public static final long UNKNOWN_LENGTH = -1;

        public FromStream {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(in, "in");
            if (expectedLength < UNKNOWN_LENGTH) {
                throw InvalidArgumentException.of("expectedLength", "expectedLength must not be negative");
            }
            if (maxBytes < 1) {
                throw InvalidArgumentException.of("maxBytes", "maxBytes must be at least 1, was " + maxBytes);
            }
        }

        /** The same stream with another size limit (a server's upload limit, say). */
        public FromStream withMaxBytes(long maxBytes) {
            return new FromStream(fileName, in, expectedLength, maxBytes);
        }

        public boolean lengthKnown() {
            return expectedLength != UNKNOWN_LENGTH;
        }
    }
}
