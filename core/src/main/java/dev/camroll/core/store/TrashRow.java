package dev.camroll.core.store;

/**
 * A trashed asset as the index holds it.
 *
 * @param relPath the folder it came from, relative to the library root ("" for the root)
 * @param filename its name there
 * @param trashName its file's name in the trash folder
 * @param trashedAt epoch ms
 */
public record TrashRow(String publicId, String relPath, String filename, String trashName, long trashedAt) {}
