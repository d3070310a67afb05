package dev.camroll.core.scan;

import dev.camroll.core.files.RawNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The trash folder of a library ({@code DATA/trash}), where a deleted asset's file lies as
 * {@code <public id>.<ext>}. The scan asks it which files are in transit: a delete moves the file
 * there before its row leaves the index, a restore puts the row back before the file leaves it,
 * so for a moment an indexed file is missing from its folder without being gone.
 */
public final class TrashFolder {
    public static final String NAME = "trash";

    private TrashFolder() {}

    public static Path of(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /** The name a trashed asset's file has in the trash folder: its id, and its extension in lower case. */
    public static String fileName(String publicId, String filename) {
        int dot = filename.lastIndexOf('.');
        return publicId + (dot <= 0 ? "" : filename.substring(dot).toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether the trash folder holds the file of an asset now. */
    static boolean holds(Path dataDir, String publicId, String filename) {
        return Files.exists(RawNames.resolve(of(dataDir), fileName(publicId, filename)), LinkOption.NOFOLLOW_LINKS);
    }

    /** The public ids whose files are in the trash folder now; hidden leftovers are not ids. */
    static Set<String> idsIn(Path dataDir) {
        Set<String> ids = new HashSet<>();
        Path folder = of(dataDir);
        if (!Files.isDirectory(folder)) {
            return ids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = RawNames.nameOf(entry);
                if (!name.startsWith(".")) {
                    int dot = name.indexOf('.');
                    ids.add(dot < 0 ? name : name.substring(0, dot));
                }
            }
        } catch (IOException e) {
            // Unreadable: nothing is taken to be in transit, as before the trash existed.
        }
        return ids;
    }
}
