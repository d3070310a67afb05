package dev.camroll.core.media.redact;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What redacting one file changes: a few small patches (sorted, not overlapping) laid over the
 * bytes as they stream past, so that the file is never held in memory and a range of the
 * redacted file is the same range of the original with the patches laid over it.
 */
public final class Redaction {
    private static final Redaction NONE = new Redaction(List.of());

    private final long[] starts;
    private final byte[][] bytes;

    private Redaction(List<Patch> sorted) {
        starts = new long[sorted.size()];
        bytes = new byte[sorted.size()][];
        for (int i = 0; i < sorted.size(); i++) {
            starts[i] = sorted.get(i).offset();
            bytes[i] = sorted.get(i).bytes();
        }
    }

    /** Nothing to change. */
    public static Redaction none() {
        return NONE;
    }

    /**
     * The patches, clipped to a file of {@code size} bytes; where two overlap, the one added later
     * wins (a checksum written after the blanks it covers).
     */
    static Redaction of(List<Patch> inOrder, long size) {
        List<Indexed> clipped = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            Patch patch = inOrder.get(i);
            long start = Math.max(0, patch.offset());
            long end = Math.min(size, patch.end());
            if (start < end) {
                byte[] part =
                        Arrays.copyOfRange(patch.bytes(), (int) (start - patch.offset()), (int) (end - patch.offset()));
                clipped.add(new Indexed(i, new Patch(start, part)));
            }
        }
        if (clipped.isEmpty()) {
            return NONE;
        }
        List<Indexed> byOffset = new ArrayList<>(clipped);
        byOffset.sort(Comparator.comparingLong((Indexed p) -> p.patch().offset()));
        List<Patch> merged = new ArrayList<>();
        int from = 0;
        while (from < byOffset.size()) {
            long start = byOffset.get(from).patch().offset();
            long end = byOffset.get(from).patch().end();
            int to = from + 1;
            while (to < byOffset.size() && byOffset.get(to).patch().offset() <= end) {
                end = Math.max(end, byOffset.get(to).patch().end());
                to++;
            }
            // Patches that touch or overlap become one; they are laid in the order they were added.
            List<Indexed> group = new ArrayList<>(byOffset.subList(from, to));
            group.sort(Comparator.comparingInt(Indexed::order));
            byte[] union = new byte[Math.toIntExact(end - start)];
            for (Indexed part : group) {
                int at = (int) (part.patch().offset() - start);
                System.arraycopy(
                        part.patch().bytes(), 0, union, at, part.patch().bytes().length);
            }
            merged.add(new Patch(start, union));
            from = to;
        }
        return new Redaction(merged);
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    /** How many bytes the patches change, at most. */
    public long patchedBytes() {
        long total = 0;
        for (byte[] patch : bytes) {
            total += patch.length;
        }
        return total;
    }

    /**
     * Lays the patches over bytes just read: {@code length} bytes of the file from {@code
     * position} that sit in {@code buffer} from index {@code at}.
     */
    void overlay(long position, ByteBuffer buffer, int at, int length) {
        long end = position + length;
        int i = firstEndingAfter(position);
        for (; i < starts.length && starts[i] < end; i++) {
            long from = Math.max(position, starts[i]);
            long to = Math.min(end, starts[i] + bytes[i].length);
            buffer.put(at + (int) (from - position), bytes[i], (int) (from - starts[i]), (int) (to - from));
        }
    }

    /** The index of the first patch that ends after {@code position}. */
    private int firstEndingAfter(long position) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] + bytes[mid].length <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Writes the patches into a file open for writing (a copy of what was planned on). */
    void writeTo(java.nio.channels.FileChannel file) throws java.io.IOException {
        for (int i = 0; i < starts.length; i++) {
            ByteBuffer patch = ByteBuffer.wrap(bytes[i]);
            while (patch.hasRemaining()) {
                file.write(patch, starts[i] + patch.position());
            }
        }
    }

    @Override
    public String toString() {
        return "Redaction[" + starts.length + " patches, " + patchedBytes() + " bytes]";
    }

    private record Indexed(int order, Patch patch) {}
}
