package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The location an iPhone records along a video: a timed-metadata track whose sample description
 * ({@code mebx}) declares keys such as {@code com.apple.quicktime.location.ISO6709}, and whose
 * samples in {@code mdat} hold one item per key ({@code [size][local key id][value]}). Each
 * location item's value becomes zeros where it stands; its size and key stay, as do the other
 * items, the sample tables and every offset, so the track still reads with no position in it.
 * Only the samples of such a track are read, found through {@code stsc}, {@code stsz} and
 * {@code stco}/{@code co64}; the picture and sound in {@code mdat} are never read.
 *
 * <p>A GoPro's telemetry track ({@code gpmd}) likewise: its samples are GPMF ({@link Gpmf}), whose
 * GPS streams become zeros while the other sensors stay.
 */
final class TimedLocation {
    private static final String APPLE_LOCATION = "com.apple.quicktime.location";
    /** More samples than a day of video at one a second; past it the rest are not looked at. */
    private static final int MAX_SAMPLES = 1_000_000;
    /** A location item is a few dozen bytes: more of a sample than this is not read. */
    private static final int MAX_SAMPLE_READ = 64 << 10;
    /** A second of a GoPro's telemetry is some kilobytes (a dozen sensors); a sample past this is zeroed. */
    private static final int MAX_TELEMETRY_SAMPLE = 1 << 20;
    /**
     * The telemetry read per track: tens of hours of a GoPro's (tens of megabytes an hour, a
     * hundredth of its video); the read is sequential and the patches only the GPS items.
     */
    private static final long MAX_TELEMETRY_READ = 256L << 20;
    /** The zeros laid over telemetry that is not read, per track: patches are held in memory. */
    private static final long MAX_UNREAD_ZEROS = 16L << 20;
    /**
     * The sample bytes read per track: a hundred hours of an iPhone's location track, and a
     * bound on what a file that declares huge samples costs.
     */
    private static final long MAX_TRACK_READ = 16 << 20;

    private final FileBytes file;
    private final PatchList patches;
    private long read;
    private long zeroedUnread;

    private TimedLocation(FileBytes file, PatchList patches) {
        this.file = file;
        this.patches = patches;
    }

    /** Blanks the location items of the samples of {@code trak}, if it is such a track. */
    static void redact(FileBytes file, PatchList patches, Box trak) throws IOException {
        Box stbl = child(file, child(file, child(file, trak, "mdia"), "minf"), "stbl");
        if (stbl != null) {
            new TimedLocation(file, patches).samples(Box.children(file, stbl.payload(), stbl.end()));
        }
    }

    private static Box child(FileBytes file, Box parent, String type) throws IOException {
        if (parent == null) {
            return null;
        }
        return find(Box.children(file, parent.payload(), parent.end()), type);
    }

    private static Box find(List<Box> boxes, String type) {
        return boxes.stream().filter(box -> box.type().equals(type)).findFirst().orElse(null);
    }

    private void samples(List<Box> tables) throws IOException {
        Map<Integer, Set<Integer>> keysByDescription = locationKeys(find(tables, "stsd"));
        Set<Integer> telemetry = telemetryDescriptions(find(tables, "stsd"));
        if (keysByDescription.isEmpty() && telemetry.isEmpty()) {
            return;
        }
        ByteBuffer sizes = table(find(tables, "stsz"));
        ByteBuffer chunks = table(find(tables, "stsc"));
        Box co64 = find(tables, "co64");
        ByteBuffer offsets = table(co64 != null ? co64 : find(tables, "stco"));
        if (sizes == null || chunks == null || offsets == null || sizes.remaining() < 12) {
            return;
        }
        int fixedSize = sizes.getInt(4);
        long sampleCount = Math.min(Integer.toUnsignedLong(sizes.getInt(8)), MAX_SAMPLES);
        int chunkCount = offsets.remaining() >= 8
                ? (int) Math.min(
                        Integer.toUnsignedLong(offsets.getInt(4)), (offsets.remaining() - 8) / (co64 != null ? 8 : 4))
                : 0;
        int runs = chunks.remaining() >= 8 ? chunks.getInt(4) : 0;
        int sample = 0;
        for (int run = 0; run < runs && 8 + (run + 1) * 12 <= chunks.remaining(); run++) {
            int first = chunks.getInt(8 + run * 12);
            int perChunk = chunks.getInt(12 + run * 12);
            int description = chunks.getInt(16 + run * 12);
            Set<Integer> keys = keysByDescription.getOrDefault(description, Set.of());
            boolean gpmf = telemetry.contains(description);
            int last = run + 1 < runs && 8 + (run + 2) * 12 <= chunks.remaining()
                    ? chunks.getInt(8 + (run + 1) * 12) - 1
                    : chunkCount;
            for (int chunk = first; chunk <= last && chunk <= chunkCount && sample < sampleCount; chunk++) {
                long at = co64 != null
                        ? offsets.getLong(8 + (chunk - 1) * 8)
                        : Integer.toUnsignedLong(offsets.getInt(8 + (chunk - 1) * 4));
                for (int i = 0; i < perChunk && sample < sampleCount; i++, sample++) {
                    long size = fixedSize != 0 ? Integer.toUnsignedLong(fixedSize) : sampleSize(sizes, sample);
                    if (!keys.isEmpty() && read < MAX_TRACK_READ) {
                        items(at, size, keys);
                    } else if (gpmf) {
                        telemetry(at, size);
                    }
                    at += size;
                }
            }
        }
    }

    /**
     * A GPMF sample: read up to {@link #MAX_TELEMETRY_SAMPLE} and its positions zeroed. What is
     * not read (past that, or past the track's bound) is zeroed unread, as a telemetry sample too
     * large to look at may hold positions anywhere, up to {@link #MAX_UNREAD_ZEROS} per track.
     */
    private void telemetry(long sample, long size) throws IOException {
        long readable = read < MAX_TELEMETRY_READ ? Math.min(size, MAX_TELEMETRY_SAMPLE) : 0;
        if (readable > 0) {
            byte[] bytes = file.read(sample, readable);
            read += bytes.length;
            Gpmf.redact(ByteBuffer.wrap(bytes), sample, patches);
            readable = bytes.length;
        }
        long unread = Math.min(Math.min(size, file.size() - sample) - readable, MAX_UNREAD_ZEROS - zeroedUnread);
        if (unread > 0) {
            patches.zero(sample + readable, unread);
            zeroedUnread += unread;
        }
    }

    private static long sampleSize(ByteBuffer sizes, int sample) {
        int at = 12 + sample * 4;
        return at + 4 <= sizes.remaining() ? Integer.toUnsignedLong(sizes.getInt(at)) : 0;
    }

    /**
     * Zeros the value of each location item of the sample; an item that is damaged or runs past
     * what is read zeros the rest of what is read.
     */
    private void items(long sample, long size, Set<Integer> keys) throws IOException {
        ByteBuffer bytes = FileBytes.big(file.read(sample, Math.min(size, MAX_SAMPLE_READ)));
        read += bytes.capacity();
        int at = 0;
        while (at + 8 <= bytes.capacity()) {
            long length = Integer.toUnsignedLong(bytes.getInt(at));
            if (length < 8 || at + length > bytes.capacity()) {
                patches.zero(sample + at, bytes.capacity() - at);
                return;
            }
            if (keys.contains(bytes.getInt(at + 4))) {
                patches.zero(sample + at + 8, length - 8);
            }
            at += (int) length;
        }
    }

    /** The payload of a full box (version and flags first), or null. */
    private ByteBuffer table(Box box) throws IOException {
        return box == null ? null : FileBytes.big(file.read(box.payload(), box.payloadLength()));
    }

    /** The sample descriptions (1-based) that are GoPro telemetry ({@code gpmd}). */
    private Set<Integer> telemetryDescriptions(Box stsd) throws IOException {
        Set<Integer> found = new HashSet<>();
        if (stsd != null) {
            List<Box> entries = Box.children(file, stsd.payload() + 8, stsd.end());
            for (int index = 0; index < entries.size(); index++) {
                if (entries.get(index).type().equals("gpmd")) {
                    found.add(index + 1);
                }
            }
        }
        return found;
    }

    /**
     * For each sample description (1-based) that is a {@code mebx}, the local ids of the keys it
     * declares that name a location: its {@code keys} box holds one box per key, typed by the
     * key's id, with a {@code keyd} (a namespace, then the key's name).
     */
    private Map<Integer, Set<Integer>> locationKeys(Box stsd) throws IOException {
        Map<Integer, Set<Integer>> found = new HashMap<>();
        if (stsd == null) {
            return found;
        }
        List<Box> entries = Box.children(file, stsd.payload() + 8, stsd.end());
        for (int index = 0; index < entries.size(); index++) {
            Box entry = entries.get(index);
            if (!entry.type().equals("mebx")) {
                continue;
            }
            // After the sample entry's 6 reserved bytes and data reference index.
            Box keys = find(Box.children(file, entry.payload() + 8, entry.end()), "keys");
            if (keys == null) {
                continue;
            }
            Set<Integer> ids = new HashSet<>();
            for (Box key : Box.children(file, keys.payload(), keys.end())) {
                Box keyd = find(Box.children(file, key.payload(), key.end()), "keyd");
                if (keyd != null && keyd.payloadLength() > 4) {
                    String name =
                            new String(file.read(keyd.payload() + 4, keyd.payloadLength() - 4), StandardCharsets.UTF_8);
                    if (name.startsWith(APPLE_LOCATION)) {
                        ids.add(FileBytes.big(file.read(key.start() + 4, 4)).getInt(0));
                    }
                }
            }
            if (!ids.isEmpty()) {
                found.put(index + 1, ids);
            }
        }
        return found;
    }
}
