package dev.camroll.core.library;

import dev.camroll.core.files.RawNames;
import dev.camroll.core.scan.WriteTempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the trash knows of one of its files without the index: {@code DATA/trash-info/<id>.trashinfo}
 * beside {@code DATA/trash/<id>.<ext>}, written and forced before the file moves to the trash. It
 * lets a new, emptied or replaced index take the file back as a trashed asset with its id, folder,
 * name, favorite flag and media facts, and it is what makes a trash file Camroll's own: a file in
 * the trash folder without one is never deleted.
 *
 * <p>The video half of a Live Photo goes to the trash with its photo and has a sidecar of its own,
 * which names the photo: a new index takes it back as that photo's trashed video, not as an asset.
 *
 * @param trashedAt when it was deleted (epoch ms): the trash retention counts from here
 * @param columns the trash row's columns in text ({@link dev.camroll.core.store.TrashRecords#COLUMNS},
 *     or {@link dev.camroll.core.store.TrashRecords#VIDEO_COLUMNS} for a Live Photo's video)
 * @param pairedWith for a Live Photo's video, the id of its photo; null for an asset's own file
 */
record TrashSidecar(String publicId, String trashName, long trashedAt, Map<String, String> columns, String pairedWith) {
    static final String FOLDER = "trash-info";
    static final String SUFFIX = ".trashinfo";

    private static final String MARK = "camroll.trash";
    private static final String COLUMN = "column.";
    private static final String PAIRED_WITH = "paired_with";

    TrashSidecar {
        columns = Map.copyOf(columns);
    }

    static String fileName(String publicId) {
        return publicId + SUFFIX;
    }

    /** The public id a sidecar's file name names, or null for a name that is not a sidecar's. */
    static String idOf(String fileName) {
        return fileName.endsWith(SUFFIX) && !fileName.startsWith(".")
                ? fileName.substring(0, fileName.length() - SUFFIX.length())
                : null;
    }

    /** Writes the sidecar into {@code folder} whole or not at all: a flushed temporary file, renamed. */
    void writeTo(Path folder) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(MARK, "1");
        properties.setProperty("id", publicId);
        properties.setProperty("trash_name", trashName);
        properties.setProperty("trashed_at", Long.toString(trashedAt));
        columns.forEach((column, value) -> properties.setProperty(COLUMN + column, value));
        if (pairedWith != null) {
            properties.setProperty(PAIRED_WITH, pairedWith);
        }
        Path temp = folder.resolve(WriteTempFiles.newName(SUFFIX));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                properties.store(out, "A file in the Camroll trash; see trash/" + trashName);
                channel.force(true);
            }
            Files.move(
                    temp,
                    RawNames.resolve(folder, fileName(publicId)),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            FilePlacement.deleteQuietly(temp);
        }
        FilePlacement.syncFolder(folder);
    }

    /** The sidecar in a file, when it is a regular file that reads as one of this id. */
    static Optional<TrashSidecar> read(Path file) {
        String id = idOf(RawNames.nameOf(file));
        if (id == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String trashName = properties.getProperty("trash_name");
        String trashedAt = properties.getProperty("trashed_at");
        if (!"1".equals(properties.getProperty(MARK))
                || !id.equals(properties.getProperty("id"))
                || trashName == null
                || !trashName.startsWith(id)
                || trashedAt == null
                || !trashedAt.matches("[0-9]{1,19}")) {
            return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(COLUMN)) {
                columns.put(key.substring(COLUMN.length()), properties.getProperty(key));
            }
        }
        return Optional.of(new TrashSidecar(
                id, trashName, Long.parseLong(trashedAt), columns, properties.getProperty(PAIRED_WITH)));
    }
}
