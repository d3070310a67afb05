package dev.camroll.core.store;

/**
 * The video half of a Live Photo: a MOV beside its photo, which is no asset of its own.
 *
 * @param publicId the video's own id, which it had as an asset and gets back when unpaired
 * @param albumRowId the folder's row
 * @param relPath the folder of the video's file, relative to the library root
 * @param format the video's {@code MediaFormat} name
 * @param duration in seconds
 */
public record PairedVideo(
        String publicId,
        String photoPublicId,
        long albumRowId,
        String relPath,
        String filename,
        String format,
        long fileSize,
        long modificationTime,
        double duration) {}
