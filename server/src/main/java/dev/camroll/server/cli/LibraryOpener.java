package dev.camroll.server.cli;

import dev.camroll.api.CamrollException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import java.nio.file.Path;
import java.util.ServiceConfigurationError;

/** How the commands open a library: the engine found on the class path, or a stand-in in tests. */
@FunctionalInterface
interface LibraryOpener {

    LibraryOpener ENGINE = (root, options) -> {
        try {
            return MediaLibrary.open(root, options);
        } catch (ServiceConfigurationError e) {
            throw new CamrollException("the Camroll engine could not be loaded: " + e.getMessage(), e);
        }
    };

    MediaLibrary open(Path root, LibraryOptions options);
}
