package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.ChangeSet;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners over the server's event stream: changes found on disk, and a stream that outlives a restart. */
class LiveEventsTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void aListenerHearsOfAFileCopiedIntoTheFolder() throws Exception {
        Path photo = TestMedia.jpeg(outside.resolve("copied.jpg"), 12, 8);
        try (LiveServer server = LiveServer.start(root);
                CamrollClient client = server.connect()) {
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            client.addListener(heard::add);
            // Written beside, then renamed in: the watcher sees the whole file at once.
            Files.copy(photo, root.resolve(".copied.jpg.part"));
            Files.move(root.resolve(".copied.jpg.part"), root.resolve("copied.jpg"));

            ChangeSet changes = heard.poll(10, TimeUnit.SECONDS);
            assertThat(changes).as("an event for the copied file").isNotNull();
            assertThat(changes.insertedAssets()).hasSize(1);
            String id = changes.insertedAssets().getFirst();
            assertThat(client.getAssetInfo(id).asset().filename()).isEqualTo("copied.jpg");
        }
    }

    @Test
    void theStreamReconnectsAfterARestartAndHearsWhatWasMissed() throws Exception {
        TestMedia.jpeg(root.resolve("first.jpg"), 8, 8);
        LiveServer server = LiveServer.start(root);
        int port = server.port();
        String token = server.token;
        try (CamrollClient client = server.connect()) {
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            client.addListener(heard::add);
            String first = client.getAssets(AssetQuery.builder().build())
                    .assets()
                    .getFirst()
                    .id();
            client.setFavorite(first, true);
            assertThat(heard.poll(5, TimeUnit.SECONDS).updatedAssets()).containsExactly(first);

            server.close();
            // Made while the server is down: the restarted server's scan indexes it.
            TestMedia.jpeg(root.resolve("while-away.jpg"), 9, 9);
            server = LiveServer.start(root, port, token);

            Set<String> inserted = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (inserted.isEmpty() && System.nanoTime() < deadline) {
                ChangeSet changes = heard.poll(1, TimeUnit.SECONDS);
                if (changes != null) {
                    assertThat(changes.hasIncrementalChanges()).isTrue();
                    inserted.addAll(changes.insertedAssets());
                }
            }
            assertThat(inserted).as("the change made while the stream was down").hasSize(1);
            assertThat(client.getAssetInfo(inserted.iterator().next()).asset().filename())
                    .isEqualTo("while-away.jpg");

            // And the new connection carries what comes next.
            client.setFavorite(first, false);
            assertThat(heard.poll(5, TimeUnit.SECONDS).updatedAssets()).containsExactly(first);
        } finally {
            server.close();
        }
    }
}
