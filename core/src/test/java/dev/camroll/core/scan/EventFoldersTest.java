package dev.camroll.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which folders the watcher's next scan covers, given the events since the last one began. */
class EventFoldersTest {
    private final Path root = Path.of("/library");

    @Test
    void aFileEventListsItsFolder() {
        EventFolders folders = new EventFolders(root);
        folders.changed(root.resolve("trip/beach.jpg"), false);
        folders.changed(root.resolve("first.jpg"), false);

        assertThat(folders.take()).isEqualTo(new ScanScope.Folders(Set.of("trip", "")));
    }

    @Test
    void aFolderEventListsTheFolderAndItsParent() {
        EventFolders folders = new EventFolders(root);
        folders.changed(root.resolve("trip/day1"), true);

        assertThat(folders.take()).isEqualTo(new ScanScope.Folders(Set.of("trip", "trip/day1")));
    }

    @Test
    void takingStartsAnEmptySet() {
        EventFolders folders = new EventFolders(root);
        folders.changed(root.resolve("trip/beach.jpg"), false);
        folders.take();

        assertThat(folders.take()).isEqualTo(new ScanScope.Folders(Set.of()));
    }

    @Test
    void moreFoldersThanTheBoundCoverTheWholeTree() {
        EventFolders folders = new EventFolders(root, 3);
        for (int i = 0; i < 3; i++) {
            folders.changed(root.resolve("f" + i + "/p.jpg"), false);
        }
        assertThat(folders.take()).isInstanceOf(ScanScope.Folders.class);

        for (int i = 0; i < 4; i++) {
            folders.changed(root.resolve("f" + i + "/p.jpg"), false);
        }
        assertThat(folders.take()).isEqualTo(ScanScope.WHOLE_TREE);
        // Only that scan: the next set starts empty.
        folders.changed(root.resolve("f0/p.jpg"), false);
        assertThat(folders.take()).isEqualTo(new ScanScope.Folders(Set.of("f0")));
    }

    @Test
    void theDefaultBoundIsAThousandFolders() {
        EventFolders folders = new EventFolders(root);
        for (int i = 0; i <= EventFolders.MAX_FOLDERS; i++) {
            folders.changed(root.resolve("f" + i + "/p.jpg"), false);
        }
        assertThat(folders.take()).isEqualTo(ScanScope.WHOLE_TREE);
    }

    @Test
    void anOverflowOrAFailedScanCoversTheWholeTreeWhateverFollows() {
        EventFolders folders = new EventFolders(root);
        folders.coverWholeTree();
        folders.changed(root.resolve("trip/beach.jpg"), false);

        assertThat(folders.take()).isEqualTo(ScanScope.WHOLE_TREE);
    }
}
