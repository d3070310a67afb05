package dev.camroll.server.http;

import java.util.Optional;

/**
 * One range of a {@code Range: bytes=...} header, resolved against the file's size: first and
 * last byte, inclusive. Several ranges are not served (the whole file is, which HTTP allows).
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** What a Range header asks of a file of this size. */
    sealed interface Request {}

    /** The whole file: no header, several ranges, or a unit other than bytes. */
    record Whole() implements Request {}

    record Partial(ByteRange range) implements Request {}

    /** Malformed, or starting past the end: a 416. */
    record Unsatisfiable() implements Request {}

    static Request parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String spec = value.substring(6).strip();
        if (spec.contains(",")) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Unsatisfiable();
        }
        Optional<Long> start = number(spec.substring(0, dash));
        Optional<Long> end = number(spec.substring(dash + 1));
        String startText = spec.substring(0, dash).strip();
        String endText = spec.substring(dash + 1).strip();
        if (startText.isEmpty()) {
            // The last n bytes.
            if (end.isEmpty() || end.get() == 0 || size == 0) {
                return new Unsatisfiable();
            }
            long length = Math.min(end.get(), size);
            return new Partial(new ByteRange(size - length, size - 1));
        }
        if (start.isEmpty() || (!endText.isEmpty() && end.isEmpty())) {
            return new Unsatisfiable();
        }
        long first = start.get();
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = end.isEmpty() ? size - 1 : Math.min(end.get(), size - 1);
        if (last < first) {
            return new Unsatisfiable();
        }
        return new Partial(new ByteRange(first, last));
    }

    private static Optional<Long> number(String text) {
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
