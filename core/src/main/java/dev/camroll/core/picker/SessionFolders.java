package dev.camroll.core.picker;

import dev.camroll.core.store.DataFolderException;
import dev.camroll.core.store.DataFolderProblem;
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
 * session, removed with it. Session ids are hex, so a folder's name is always a plain one. As
 * with the trash, nothing is written or removed through a link planted as the picker's folder,
 * and the walk that removes a session's folder follows no link inside it.
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
        if (Files.isSymbolicLink(root) || (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !ours())) {
            throw new DataFolderException(
                    DataFolderProblem.NOT_OUR_FOLDER,
                    root
                            + " is not a folder Camroll made (a link or a file): the picker's results are not written there");
        }
        delete(sessionId);
        Files.createDirectories(folder);
        return folder;
    }

    /** Whether the picker's folder is a real folder: files are only ever removed inside one. */
    private boolean ours() {
        return Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes the session's folder, if any; never follows a link out of it. */
    void delete(String sessionId) {
        Path folder = of(sessionId);
        if (!ours() || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
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
        if (!ours()) {
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
