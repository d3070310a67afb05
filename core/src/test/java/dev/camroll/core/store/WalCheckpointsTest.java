package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log is checkpointed in the background after writes: a burst of writes far
 * below the level at which a commit checkpoints on its own ({@link
 * WalCheckpoints#COMMIT_CHECKPOINT_PAGES} pages) is copied back into the database soon after,
 * with no checkpoint asked by anyone. Observed in the log's shared-memory index, which SQLite
 * documents: the last frame of the log ({@code mxFrame}, at byte 16 of its header) and the last
 * frame copied back ({@code nBackfill}, at byte 96), in the machine's byte order.
 */
class WalCheckpointsTest {
    private static final int WRITES = 300;
    private static final long PATIENCE_MS = 30_000;

    @TempDir
    Path folder;

    @Test
    void aBurstOfWritesIsCopiedBackSoonWithoutAnyoneAsking() throws Exception {
        Path index = folder.resolve("index.db");
        try (Database database = Database.open(index)) {
            for (int i = 0; i < WRITES; i++) {
                int n = i;
                database.write(connection -> {
                    try (var statement = connection.prepareStatement(
                            "INSERT OR REPLACE INTO albums (id, public_id, rel_path, title) VALUES (1, 'a', 'x', ?)")) {
                        statement.setString(1, "t" + n);
                        statement.executeUpdate();
                    }
                    return null;
                });
            }
            Path sharedMemory = folder.resolve("index.db-shm");
            long deadline = System.currentTimeMillis() + PATIENCE_MS;
            long[] frames = frames(sharedMemory);
            assertThat(frames[0])
                    .as("the burst's frames in the log")
                    .isGreaterThan(WRITES)
                    .isLessThan(WalCheckpoints.COMMIT_CHECKPOINT_PAGES);
            while (frames[1] < frames[0] && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                frames = frames(sharedMemory);
            }
            assertThat(frames[1])
                    .as("frames copied back of the log's %d", frames[0])
                    .isEqualTo(frames[0]);
        }
    }

    /** The log's last frame and the last frame copied back. */
    private static long[] frames(Path sharedMemory) throws Exception {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(sharedMemory)).order(ByteOrder.nativeOrder());
        return new long[] {Integer.toUnsignedLong(header.getInt(16)), Integer.toUnsignedLong(header.getInt(96))};
    }
}
