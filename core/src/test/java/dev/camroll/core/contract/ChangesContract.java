package dev.camroll.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.ChangeSet;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.Subscription;
import dev.camroll.core.testing.TestMedia;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Listeners: each change once, in order, off the caller's thread; a failing one disturbs no other. */
abstract class ChangesContract extends ContractGroup {
    ChangesContract(LibraryUnderTest under) {
        super(under);
    }

    @Test
    void listenersHearOfEachWriteOnceInOrderOffTheWritersThread() throws Exception {
        try (MediaLibrary library = open()) {
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            List<Thread> threads = new ArrayList<>();
            library.addListener(changes -> {
                threads.add(Thread.currentThread());
                heard.add(changes);
            });

            TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
            library.scan(null);
            ChangeSet first = heard.poll(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.hasIncrementalChanges()).isTrue();
            assertThat(first.insertedAssets()).hasSize(1);
            String id = first.insertedAssets().getFirst();

            library.setFavorite(id, true);
            ChangeSet second = heard.poll(5, TimeUnit.SECONDS);
            assertThat(second.updatedAssets()).containsExactly(id);
            assertThat(second.insertedAssets()).isEmpty();

            assertThat(heard.poll(600, TimeUnit.MILLISECONDS))
                    .as("each change once")
                    .isNull();
            assertThat(threads).doesNotContain(Thread.currentThread());
        }
    }

    @Test
    void aFailingListenerDoesNotDisturbOthersAndRemovedOnesHearNothing() throws Exception {
        try (MediaLibrary library = open()) {
            BlockingQueue<ChangeSet> kept = new LinkedBlockingQueue<>();
            BlockingQueue<ChangeSet> removed = new LinkedBlockingQueue<>();
            library.addListener(changes -> {
                throw new IllegalStateException("a listener that always fails");
            });
            library.addListener(kept::add);
            Subscription subscription = library.addListener(removed::add);
            subscription.remove();

            TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
            library.scan(null);
            assertThat(kept.poll(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(removed).isEmpty();

            library.removeAllListeners();
            TestMedia.jpeg(root.resolve("b.jpg"), 10, 10);
            library.scan(null);
            assertThat(kept.poll(600, TimeUnit.MILLISECONDS)).isNull();
        }
    }
}
