package dev.camroll.core.library;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaLibraryProvider;
import java.nio.file.Path;

/** Lets {@code MediaLibrary.open} find the embedded engine through the ServiceLoader. */
public final class EngineProvider implements MediaLibraryProvider {
    @Override
    public MediaLibrary open(Path root, LibraryOptions options) {
        return LocalMediaLibrary.open(root, options);
    }
}
