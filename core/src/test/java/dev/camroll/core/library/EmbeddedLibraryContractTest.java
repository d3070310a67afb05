package dev.camroll.core.library;

import dev.camroll.api.MediaLibrary;
import dev.camroll.core.contract.MediaLibraryContract;
import java.nio.file.Path;

/** The contract suite against the embedded engine, opened as a program opens it. */
class EmbeddedLibraryContractTest extends MediaLibraryContract {
    @Override
    public MediaLibrary open(Path root) {
        return MediaLibrary.open(root);
    }
}
