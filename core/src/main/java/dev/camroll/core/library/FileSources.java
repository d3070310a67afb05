package dev.camroll.core.library;

import dev.camroll.api.AssetSource;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.access.OwnerScope;
import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.store.AssetStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Which files a scope may name by path as the source of a new asset (a file source, or the file:
 * URI of {@code createAlbum}). The owner may name any file: the command line imports files from
 * anywhere. Any other scope may name only the file of an asset it sees (its {@code uri}), as a
 * copy would: a path is otherwise a way around the scope, to a hidden asset's file or to any file
 * of the machine. Its own new files come as bytes.
 */
final class FileSources {
    private final Path root;
    private final AssetStore assets;

    FileSources(Path root, AssetStore assets) {
        this.root = root;
        this.assets = assets;
    }

    void check(Scope scope, AssetSource source) {
        if (scope instanceof OwnerScope || !(source instanceof AssetSource.FromFile(Path path))) {
            return;
        }
        if (!isVisibleAssetFile(scope, path)) {
            // The same words whether the file is hidden, outside the library or missing.
            throw new InvalidArgumentException("source: " + RawNames.nameOf(path)
                    + ": not the file of an asset you can see; send the file's bytes instead");
        }
    }

    private boolean isVisibleAssetFile(Scope scope, Path given) {
        Path file = given.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || file.getFileName() == null || !folder.startsWith(root)) {
            return false;
        }
        try {
            if (!folder.toRealPath().equals(folder)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        String relPath = folder.equals(root) ? "" : RawNames.relative(root, folder);
        return assets.byFile(scope, relPath, RawNames.nameOf(file)).isPresent()
                && OriginalFiles.describe(file).isPresent();
    }
}
