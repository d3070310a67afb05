package dev.camroll.api;

import java.nio.file.Path;

/** Found through {@link java.util.ServiceLoader}: the engine that opens libraries (camroll-core). */
public interface MediaLibraryProvider {
    MediaLibrary open(Path root, LibraryOptions options);
}
