package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes may open a new index at once (a `watch` and a `scan` started together): each
 * migration step is run by one of them, and none fails on a table or column another one added.
 * Connections of one JVM lock the file as processes do.
 */
class ConcurrentMigrationTest {
    @TempDir
    Path folder;

    @RepeatedTest(5)
    void indexesOpenedAtOnceAreMigratedOnce() throws Exception {
        Path file = folder.resolve("index.db");
        int opens = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(opens);
        try {
            List<Future<JournalState>> states = new ArrayList<>();
            for (int i = 0; i < opens; i++) {
                states.add(threads.submit(() -> {
                    start.await();
                    try (Database database = Database.open(file)) {
                        return new Journal(database).state();
                    }
                }));
            }
            start.countDown();
            List<String> libraryIds = new ArrayList<>();
            for (Future<JournalState> state : states) {
                libraryIds.add(state.get().libraryId());
            }
            assertThat(libraryIds).hasSize(opens).containsOnly(libraryIds.getFirst());
        } finally {
            threads.shutdownNow();
        }
    }
}
