package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.core.testing.ChildJvm;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan in this process while another process is between placing files and indexing them
 * ({@link WriteInFlightChild}): the scan reads the files, but writes nothing of them until the
 * other process is done; then the file it kept has the id that process gave it, and the file it
 * undid was never an asset. Before, the scan gave both files ids of its own, the second of which
 * vanished at the next scan although a query had reported it.
 */
class ScanDuringWriteOfAnotherProcessTest {
    private static final Duration READY = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @TempDir
    Path work;

    @Test
    void aScanWaitsForAnotherProcessesWriteAndKeepsItsIds() throws Exception {
        LibraryOptions options = LibraryOptions.defaults().withWatch(false);
        try (MediaLibrary library = MediaLibrary.open(root, options)) {
            TestMedia.jpeg(root.resolve("before.jpg"), 40, 30);
            library.scan(null);
            Path source = TestMedia.jpeg(work.resolve("source.jpg"), 64, 48);
            Path errors = work.resolve("child.err");
            Process child = ChildJvm.start(
                    WriteInFlightChild.class.getName(),
                    List.of(root.toString(), source.toString(), "kept.jpg", "undone.jpg"),
                    errors);
            try {
                ChildJvm.awaitLine(child, "placed", READY, errors);
                CountDownLatch read = new CountDownLatch(2);
                CompletableFuture<ScanReport> scan =
                        CompletableFuture.supplyAsync(() -> library.scan(new ScanProgress() {
                            @Override
                            public void fileRead() {
                                read.countDown();
                            }
                        }));
                assertThat(read.await(60, TimeUnit.SECONDS))
                        .as("the scan reads the new files")
                        .isTrue();
                Thread.sleep(500);
                assertThat(scan)
                        .as("the scan waits for the other process's write")
                        .isNotDone();
                assertThat(names(library)).containsOnlyKeys("before.jpg");

                Writer toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                toChild.write("commit\n");
                toChild.flush();
                String committed = ChildJvm.nextLine(child, READY, errors);
                assertThat(committed).startsWith("committed ");
                String keptId = committed.substring("committed ".length());

                scan.get(60, TimeUnit.SECONDS);
                assertThat(names(library)).containsOnlyKeys("before.jpg", "kept.jpg");
                assertThat(names(library).get("kept.jpg").id()).isEqualTo(keptId);

                ScanReport again = library.scan(null);
                assertThat(again.added()).isZero();
                assertThat(again.removed()).isZero();
                assertThat(names(library).get("kept.jpg").id()).isEqualTo(keptId);
            } finally {
                ChildJvm.kill(child);
            }
        }
    }

    @Test
    void aCreationWaitsForAnotherProcessesWrite() throws Exception {
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            Path source = TestMedia.jpeg(work.resolve("source.jpg"), 64, 48);
            Path errors = work.resolve("child.err");
            Process child = ChildJvm.start(
                    WriteInFlightChild.class.getName(),
                    List.of(root.toString(), source.toString(), "a.jpg", "b.jpg"),
                    errors);
            try {
                ChildJvm.awaitLine(child, "placed", READY, errors);
                CompletableFuture<Asset> created = CompletableFuture.supplyAsync(
                        () -> library.createAsset(AssetSource.bytes("new.jpg", TestMedia.jpegBytes(32, 24)), null));
                Thread.sleep(1_000);
                assertThat(created)
                        .as("the placement waits for the other process's write")
                        .isNotDone();
                Writer toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                toChild.write("commit\n");
                toChild.flush();
                assertThat(ChildJvm.nextLine(child, READY, errors)).startsWith("committed ");
                assertThat(created.get(60, TimeUnit.SECONDS).filename()).isEqualTo("new.jpg");
            } finally {
                ChildJvm.kill(child);
            }
        }
    }

    private static Map<String, Asset> names(MediaLibrary library) throws IOException {
        return library.getAssets(EVERYTHING).assets().stream()
                .collect(Collectors.toMap(Asset::filename, Function.identity()));
    }
}
