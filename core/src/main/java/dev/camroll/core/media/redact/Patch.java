package dev.camroll.core.media.redact;

/**
 * Bytes written over a file at an offset: what a redaction changes. The file's length and every
 * other byte stay as they are.
 */
record Patch(long offset, byte[] bytes) {
    long end() {
        return offset + bytes.length;
    }
}
