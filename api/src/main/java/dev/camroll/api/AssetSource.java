package dev.camroll.api;

import java.nio.file.Path;
import java.util.Objects;

/** What {@link MediaLibrary#createAsset} stores: a local file, or bytes with the file name they carry. */
public sealed interface AssetSource {

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
}
