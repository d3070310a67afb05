package dev.camroll.core.contract;

import dev.camroll.api.MediaLibrary;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.io.TempDir;

/** One group of the contract suite: the implementation under test and a fresh folder per test. */
abstract class ContractGroup {
    final LibraryUnderTest under;

    @TempDir
    Path root;

    /** A folder outside the library, for files to import. */
    @TempDir
    Path outside;

    ContractGroup(LibraryUnderTest under) {
        this.under = Objects.requireNonNull(under, "under");
    }

    MediaLibrary open() {
        return under.open(root);
    }
}
