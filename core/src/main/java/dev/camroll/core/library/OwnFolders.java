package dev.camroll.core.library;

import dev.camroll.core.store.DataFolderException;
import dev.camroll.core.store.DataFolderProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The folders Camroll keeps inside the data folder (trash, trash-info, moves), checked to be real
 * folders directly inside it before anything in them is moved or removed: a symbolic link planted
 * in their place would otherwise make Camroll delete or move whatever it points to.
 */
final class OwnFolders {
    private OwnFolders() {}

    /** The folder, created when missing; refused when it is a link or not a folder. */
    static Path require(Path dataDir, String name) {
        Path folder = dataDir.resolve(name);
        if (existing(dataDir, name).isEmpty()) {
            try {
                Files.createDirectory(folder);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return existing(dataDir, name).orElseThrow(() -> notOurs(folder, "is not a folder"));
            } catch (IOException e) {
                throw new WriteException("cannot create " + folder + ": " + e.getMessage(), e);
            }
        }
        return folder;
    }

    /** The folder when it exists and is a real folder inside the data folder; empty when missing. */
    static Optional<Path> existing(Path dataDir, String name) {
        Path folder = dataDir.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new WriteException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        if (attributes.isSymbolicLink()) {
            throw notOurs(folder, "is a symbolic link");
        }
        if (!attributes.isDirectory()) {
            throw notOurs(folder, "is not a folder");
        }
        try {
            if (!folder.toRealPath().getParent().equals(dataDir.toRealPath())) {
                throw notOurs(folder, "is not inside the data folder");
            }
        } catch (IOException e) {
            throw new WriteException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return Optional.of(folder);
    }

    /** Whether a folder entry is a regular file itself, not a link to one. */
    static boolean isPlainFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static DataFolderException notOurs(Path folder, String what) {
        return new DataFolderException(
                DataFolderProblem.NOT_OUR_FOLDER,
                folder + " " + what + ": Camroll moves and deletes only in folders of its own;"
                        + " remove or rename it and try again");
    }
}
