package dev.camroll.core.picker;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;

import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.library.LocalMediaLibrary;
import java.nio.file.Path;

/** A real library over a folder, for the picker's tests: opened, scanned, its assets found by file name. */
final class PickerLibrary implements AutoCloseable {
    final LocalMediaLibrary library;

    PickerLibrary(Path root) {
        library = (LocalMediaLibrary)
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
    }

    PickerSessions sessions() {
        return library.pickerSessions();
    }

    String id(String fileName) {
        return library.getAssets(EVERYTHING).assets().stream()
                .filter(asset -> asset.filename().equals(fileName))
                .map(Asset::id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no asset " + fileName));
    }

    @Override
    public void close() {
        library.close();
    }
}
