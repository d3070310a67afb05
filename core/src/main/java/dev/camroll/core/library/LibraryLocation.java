package dev.camroll.core.library;

import dev.camroll.api.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a library and its index are. The root is resolved to its real path, so that a library
 * reached through a symbolic link is walked as the folder it is.
 */
record LibraryLocation(Path root, Path dataDir) {
    static final String DATA_FOLDER = ".camroll";
    static final String INDEX_FILE = "index.db";

    static LibraryLocation of(Path root, Path dataDir) {
        if (!Files.isDirectory(root)) {
            throw InvalidArgumentException.of(
                    "root", "the library folder " + root + " does not exist or is not a folder");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw InvalidArgumentException.of("root", "cannot open the library folder " + root + ": " + e.getMessage());
        }
        Path data = dataDir == null
                ? realRoot.resolve(DATA_FOLDER)
                : dataDir.toAbsolutePath().normalize();
        return new LibraryLocation(realRoot, data);
    }

    Path indexFile() {
        return dataDir.resolve(INDEX_FILE);
    }
}
