package dev.camroll.core.library;

import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.Scope;
import java.util.Optional;

/** The library as one scope sees it, with the bytes of its assets. */
public interface ScopedLibrary extends MediaLibrary {

    /** Whose view this is. */
    Scope scope();

    /** The original file of an asset; empty when the asset is missing or not visible to the scope. */
    Optional<OriginalFile> original(String assetId);
}
