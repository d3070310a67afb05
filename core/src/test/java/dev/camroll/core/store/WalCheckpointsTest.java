package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log is checkpointed in the background while writes go on, so that it stays
 * short and a commit seldom checkpoints itself: a log that only commits checkpointed would grow
 * to {@link WalCheckpoints#COMMIT_CHECKPOINT_PAGES} pages before it starts over.
 */
class WalCheckpointsTest {
    private static final int WRITES = 6_000;
    private static final long PAGE = 4_096;

    @TempDir
    Path folder;

    @Test
    void theLogStaysShortUnderManySmallWrites() throws Exception {
        Path index = folder.resolve("index.db");
        long largest = 0;
        try (Database database = Database.open(index)) {
            Path log = folder.resolve("index.db-wal");
            for (int i = 0; i < WRITES; i++) {
                // One journaled write: the generation's page and the change's.
                int n = i;
                database.write(connection -> {
                    try (var statement = connection.prepareStatement(
                            "INSERT OR REPLACE INTO albums (id, public_id, rel_path, title) VALUES (1, 'a', 'x', ?)")) {
                        statement.setString(1, "t" + n);
                        statement.executeUpdate();
                    }
                    return null;
                });
                if (i % 100 == 0) {
                    // Writes of a library arrive with pauses, never thousands without one.
                    Thread.sleep(60);
                    largest = Math.max(largest, Files.size(log));
                }
            }
            largest = Math.max(largest, Files.size(log));
        }
        assertThat(largest)
                .as("the log's largest size, in bytes")
                .isLessThan(WalCheckpoints.COMMIT_CHECKPOINT_PAGES / 2 * PAGE);
    }
}
