package dev.camroll.core.library;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File names that writes of this library have chosen and not committed yet. A restore commits its
 * rows before its files arrive, and creates run beside restores and moves: without a claim, a
 * create could place its file under a name a restore has just given a row, and the two would share
 * one row. A name is claimed before a write looks whether it is free, and released once its row is
 * written (or the write is given up).
 */
final class ClaimedNames {
    private final Set<Path> claimed = ConcurrentHashMap.newKeySet();

    /** False when another write of this library holds the name. */
    boolean claim(Path file) {
        return claimed.add(file.toAbsolutePath().normalize());
    }

    void release(Path file) {
        if (file != null) {
            claimed.remove(file.toAbsolutePath().normalize());
        }
    }
}
