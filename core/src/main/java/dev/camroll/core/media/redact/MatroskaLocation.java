package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The location tags of a Matroska or WebM file: each {@code SimpleTag} whose {@code TagName} names
 * a place ({@code LOCATION}, as FFmpeg writes a {@code location}; the specification's {@code
 * RECORDING_LOCATION}; anything else with LOCATION, GPS or ISO6709 in its name) has its {@code
 * TagString} turned to spaces and its {@code TagBinary} to zeros, nested tags included; sizes and
 * element headers stay. The {@code Tags} elements are found among the Segment's children, whose
 * headers alone are read (a cluster is skipped by its size), and through the {@code SeekHead},
 * which names them when they follow clusters of unknown size (a live recording).
 */
final class MatroskaLocation {
    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long SEEK_HEAD = 0x114D9B74L;
    private static final long SEEK = 0x4DBBL;
    private static final long SEEK_ID = 0x53ABL;
    private static final long SEEK_POSITION = 0x53ACL;
    private static final long TAGS = 0x1254C367L;
    private static final long TAG = 0x7373L;
    private static final long SIMPLE_TAG = 0x67C8L;
    private static final long TAG_NAME = 0x45A3L;
    private static final long TAG_STRING = 0x4487L;
    private static final long TAG_BINARY = 0x4485L;
    /** Top-level elements looked at before the walk relies on the SeekHead alone. */
    private static final int MAX_TOP_LEVEL = 100_000;

    private final FileBytes file;
    private final PatchList patches;
    private final Set<Long> tagsDone = new HashSet<>();

    private MatroskaLocation(FileBytes file, PatchList patches) {
        this.file = file;
        this.patches = patches;
    }

    /** An element's header: its id, where its data starts and ends (clipped to its parent). */
    private record Element(long id, long data, long end, boolean sizeKnown) {}

    static void redact(FileBytes file, PatchList patches) throws IOException {
        new MatroskaLocation(file, patches).segments();
    }

    private void segments() throws IOException {
        Element ebml = element(0, file.size());
        if (ebml == null || ebml.id() != EBML) {
            return;
        }
        long at = ebml.end();
        while (at < file.size()) {
            Element segment = element(at, file.size());
            if (segment == null) {
                return;
            }
            if (segment.id() == SEGMENT) {
                segment(segment);
            }
            at = segment.end();
        }
    }

    private void segment(Element segment) throws IOException {
        Deque<Long> tags = new ArrayDeque<>();
        long at = segment.data();
        for (int count = 0; count < MAX_TOP_LEVEL && at < segment.end(); count++) {
            Element child = element(at, segment.end());
            if (child == null) {
                break;
            }
            if (child.id() == TAGS) {
                tags(child);
            } else if (child.id() == SEEK_HEAD) {
                seekHead(child, segment.data(), tags);
            }
            if (!child.sizeKnown()) {
                break; // a cluster of unknown size: what follows is found through the SeekHead
            }
            at = child.end();
        }
        while (!tags.isEmpty()) {
            Element named = element(tags.poll(), segment.end());
            if (named != null && named.id() == TAGS) {
                tags(named);
            }
        }
    }

    /** The positions of the Tags elements the SeekHead names (from the Segment's data). */
    private void seekHead(Element head, long base, Deque<Long> tags) throws IOException {
        for (Element seek : children(head)) {
            if (seek.id() != SEEK) {
                continue;
            }
            long id = -1;
            long position = -1;
            for (Element field : children(seek)) {
                if (field.id() == SEEK_ID) {
                    id = unsigned(field);
                } else if (field.id() == SEEK_POSITION) {
                    position = unsigned(field);
                }
            }
            if (id == TAGS && position >= 0) {
                tags.add(base + position);
            }
        }
    }

    private void tags(Element tags) throws IOException {
        if (!tagsDone.add(tags.data())) {
            return;
        }
        for (Element tag : children(tags)) {
            if (tag.id() == TAG) {
                for (Element simple : children(tag)) {
                    if (simple.id() == SIMPLE_TAG) {
                        simpleTag(simple, false);
                    }
                }
            }
        }
    }

    private void simpleTag(Element simple, boolean insidePlace) throws IOException {
        boolean place = insidePlace;
        var fields = children(simple);
        for (Element field : fields) {
            if (field.id() == TAG_NAME) {
                String name = new String(file.read(field.data(), field.end() - field.data()), StandardCharsets.UTF_8)
                        .toUpperCase(Locale.ROOT);
                place |= name.contains("LOCATION") || name.contains("GPS") || name.contains("ISO6709");
            }
        }
        for (Element field : fields) {
            if (place && field.id() == TAG_STRING) {
                patches.fill(field.data(), field.end() - field.data(), (byte) ' ');
            } else if (place && field.id() == TAG_BINARY) {
                patches.zero(field.data(), field.end() - field.data());
            } else if (field.id() == SIMPLE_TAG) {
                simpleTag(field, place);
            }
        }
    }

    private java.util.List<Element> children(Element parent) throws IOException {
        java.util.List<Element> children = new java.util.ArrayList<>();
        long at = parent.data();
        while (at < parent.end() && children.size() < 10_000) {
            Element child = element(at, parent.end());
            if (child == null) {
                break;
            }
            children.add(child);
            at = child.end();
        }
        return children;
    }

    private long unsigned(Element field) throws IOException {
        long value = 0;
        for (byte b : file.read(field.data(), Math.min(8, field.end() - field.data()))) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    /**
     * The element whose header is at {@code at}: its id (a variable-length integer with its
     * marker), then its size (one without); null where no header can be read. A size that is
     * unknown (all ones) or past {@code limit} ends at {@code limit}.
     */
    private Element element(long at, long limit) throws IOException {
        byte[] head = file.read(at, 12);
        int idLength = length(head, 0);
        if (idLength == 0 || idLength > 4 || head.length < idLength + 1) {
            return null;
        }
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (head[i] & 0xFF);
        }
        int sizeLength = length(head, idLength);
        if (sizeLength == 0 || head.length < idLength + sizeLength) {
            return null;
        }
        long size = head[idLength] & (0xFF >> sizeLength);
        boolean allOnes = size == (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            size = (size << 8) | (head[idLength + i] & 0xFF);
            allOnes &= (head[idLength + i] & 0xFF) == 0xFF;
        }
        long data = at + idLength + sizeLength;
        boolean known = !allOnes;
        long end = known && size >= 0 && size <= limit - data ? data + size : limit;
        return new Element(id, data, end, known);
    }

    /** The length of the variable-length integer at {@code at}, from its leading zeros (0: none). */
    private static int length(byte[] head, int at) {
        if (at >= head.length || head[at] == 0) {
            return 0;
        }
        return Integer.numberOfLeadingZeros(head[at] & 0xFF) - 23;
    }
}
