package dev.camroll.core.library;

import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.Scope;
import java.util.Optional;

/**
 * A MediaLibrary seen through one access scope, plus the bytes of its assets. Every read and write
 * goes through the scope; an asset or album the scope does not see looks exactly like a missing
 * one. Closing it does not close the library it views.
 */
public interface ScopedLibrary extends MediaLibrary {
    Scope scope();

    /** The original file of an asset this scope sees; empty when it does not exist or is not visible. */
    Optional<OriginalFile> original(String assetId);
}
