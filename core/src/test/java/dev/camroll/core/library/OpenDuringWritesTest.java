package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process deletes and restores in a loop while this one opens the same library over and over,
 * as a plain query command does. Reconciliation at open must never act on the other process's
 * write in flight: no file may lose its row, no trashed file may be deleted, and every delete and
 * restore of the other process must succeed.
 */
class OpenDuringWritesTest {
    private static final int PHOTOS = 20;
    private static final long SECONDS = 8;

    @TempDir
    Path root;

    @Test
    void opensWhileAnotherProcessTrashesAndRestoresChangeNothing() throws Exception {
        Map<String, byte[]> contentById = new HashMap<>();
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            for (int i = 0; i < PHOTOS; i++) {
                TestMedia.jpeg(root.resolve("p" + i + ".jpg"), 40 + i, 30 + i);
            }
            library.scan(null);
            for (Asset asset : library.getAssets(EVERYTHING).assets()) {
                contentById.put(asset.id(), Files.readAllBytes(Path.of(URI.create(asset.uri()))));
            }
        }
        assertThat(contentById).hasSize(PHOTOS);

        Process writer = WriterChild.start(List.of(), WriterChild.TRASH_LOOP, root.toString(), Long.toString(SECONDS));
        LibraryOptions queryOpen = LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);
        // Two openers, each a library object of its own, as two query commands would be.
        AtomicInteger opens = new AtomicInteger();
        List<CompletableFuture<Void>> openers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            openers.add(CompletableFuture.runAsync(() -> {
                while (writer.isAlive()) {
                    try (MediaLibrary library = MediaLibrary.open(root, queryOpen)) {
                        library.getAssets(EVERYTHING);
                    }
                    opens.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(openers.toArray(CompletableFuture[]::new)).join();
        String out = new String(writer.getInputStream().readAllBytes()).strip();
        assertThat(writer.waitFor()).as("the writing process: %s", out).isZero();
        assertThat(out)
                .as("the writing process's deletes and restores all succeeded")
                .contains("ok ");
        assertThat(opens.get()).as("opens made while the other process wrote").isGreaterThan(20);

        try (MediaLibrary library = MediaLibrary.open(root, queryOpen)) {
            assertThat(library.trashedAssets())
                    .as("the last call of the loop restored everything")
                    .isEmpty();
            Set<String> ids = new HashSet<>();
            for (Asset asset : library.getAssets(EVERYTHING).assets()) {
                ids.add(asset.id());
                assertThat(Files.readAllBytes(Path.of(URI.create(asset.uri()))))
                        .as("the file of %s", asset.id())
                        .isEqualTo(contentById.get(asset.id()));
            }
            assertThat(ids).as("every id, once").containsExactlyInAnyOrderElementsOf(contentById.keySet());
            assertThat(mediaFiles())
                    .as("one file per photo, no copy and no loss")
                    .hasSize(PHOTOS);
            assertThat(library.scan(null).added()).as("no file without a row").isZero();
        }
    }

    private List<Path> mediaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".jpg"))
                    .filter(path -> !path.startsWith(root.resolve(".camroll")))
                    .toList());
        }
    }
}
