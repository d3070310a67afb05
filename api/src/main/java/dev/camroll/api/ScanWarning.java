package dev.camroll.api;

/**
 * Something the scan could not read in full.
 *
 * @param path the file, relative to the library root
 * @param indexed whether the file was indexed anyway (with what could be read) or skipped
 */
public record ScanWarning(String path, String message, boolean indexed) {}
