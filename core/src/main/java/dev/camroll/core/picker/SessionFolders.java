package dev.camroll.core.picker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the result files of sessions live: {@code <data>/picker/<session id>/}, one folder a
 * session, removed with it. Session ids are hex, so a folder's name is always a plain one.
 */
final class SessionFolders {
    private final Path root;

    SessionFolders(Path dataDir) {
        this.root = dataDir.resolve("picker");
    }

    Path of(String sessionId) {
        if (sessionId.isEmpty()
                || !HexFormat.isHexDigit(sessionId.charAt(0))
                || !sessionId.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("not a session id: " + sessionId);
        }
        return root.resolve(sessionId);
    }

    /** A new empty folder for the session's files (a leftover of a failed attempt goes first). */
    Path fresh(String sessionId) throws IOException {
        Path folder = of(sessionId);
        delete(sessionId);
        Files.createDirectories(folder);
        return folder;
    }

    /** Deletes the session's folder, if any; never follows a link out of it. */
    void delete(String sessionId) {
        Path folder = of(sessionId);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the picker's files of " + sessionId + " could not be removed", e);
        }
    }

    /** Deletes the folders of sessions not in {@code live} (left by a process that stopped mid-way). */
    void deleteAllBut(java.util.Collection<String> live) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.toList()) {
                String name = folder.getFileName().toString();
                if (!live.contains(name) && name.chars().allMatch(HexFormat::isHexDigit)) {
                    delete(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the picker's folder could not be listed", e);
        }
    }
}
