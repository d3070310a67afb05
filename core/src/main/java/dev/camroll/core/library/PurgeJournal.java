package dev.camroll.core.library;

import dev.camroll.core.scan.WriteTempFiles;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The ids a purge is deleting, written and forced before its first file goes
 * ({@code DATA/trash-info/purge.journal}): a purge is then all or nothing. Without it, a purge
 * killed half way left the files it had not reached yet with their sidecars, and the next open
 * took them back as trashed (as it must for a lost index), so half the purge was undone. Written
 * and read under the write lock, so a journal found at open is one of a process that died, and
 * the open finishes its purge.
 */
final class PurgeJournal {
    static final String NAME = "purge.journal";

    private PurgeJournal() {}

    /** Writes the journal into the sidecar folder whole or not at all. */
    static Path write(Path infoDir, List<String> ids) throws IOException {
        Path journal = infoDir.resolve(NAME);
        Path temp = infoDir.resolve(WriteTempFiles.newName(".journal"));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    var out = Channels.newOutputStream(channel)) {
                out.write(String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
                channel.force(true);
            }
            Files.move(temp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            FilePlacement.deleteQuietly(temp);
        }
        FilePlacement.syncFolder(infoDir);
        return journal;
    }

    /** The ids of an unfinished purge, empty when there is none (or the journal is not a plain file). */
    static List<String> unfinished(Path infoDir) {
        if (infoDir == null) {
            return List.of();
        }
        Path journal = infoDir.resolve(NAME);
        if (!Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try {
            return Files.readString(journal, StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new WriteException("cannot read the purge journal " + journal + ": " + e.getMessage(), e);
        }
    }

    static void delete(Path infoDir) {
        FilePlacement.deleteQuietly(infoDir.resolve(NAME));
    }
}
