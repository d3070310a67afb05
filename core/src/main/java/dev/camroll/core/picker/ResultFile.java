package dev.camroll.core.picker;

import java.nio.file.Path;

/**
 * One result file of a picked session, for whoever serves it to the session's maker: its bytes
 * are at {@code path} (in the data folder) until the session ends.
 */
public record ResultFile(Path path, String fileName, String mimeType, long size) {}
