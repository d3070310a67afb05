package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.ChangeSet;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeEventsTest {
    @TempDir
    Path root;

    @Test
    void writesOfAnotherProcessOnTheSameIndexReachListeners() throws IOException, InterruptedException {
        LibraryOptions noScan = LibraryOptions.defaults().withScanOnOpen(false);
        try (MediaLibrary listening = MediaLibrary.open(root, noScan);
                MediaLibrary writing = MediaLibrary.open(root, noScan)) {
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            listening.addListener(heard::add);
            TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
            writing.scan(null);
            ChangeSet changes = heard.poll(5, TimeUnit.SECONDS);
            assertThat(changes).isNotNull();
            assertThat(changes.insertedAssets()).hasSize(1);
        }
    }
}
