package dev.camroll.core.store;

/**
 * The video half of a trashed Live Photo: its file in the trash folder beside its photo's.
 *
 * @param trashName its file's name in the trash folder ({@code <id>.<ext>})
 * @param trashedAt when it was deleted with its photo (epoch ms)
 * @param relPath the folder it was deleted from, relative to the library root
 * @param filename its name there
 */
public record TrashedVideo(
        String publicId, String photoPublicId, String trashName, long trashedAt, String relPath, String filename) {}
