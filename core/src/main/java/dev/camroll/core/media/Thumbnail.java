package dev.camroll.core.media;

/**
 * An encoded thumbnail.
 *
 * @param bytes the encoded picture (the array is the caller's; it is not copied)
 * @param width as displayed (orientation applied)
 * @param height as displayed
 * @param mimeType {@code image/jpeg} or {@code image/webp}
 */
public record Thumbnail(byte[] bytes, int width, int height, String mimeType) {}
