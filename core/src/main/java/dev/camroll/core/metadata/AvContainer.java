package dev.camroll.core.metadata;

import java.util.List;
import java.util.Map;

/**
 * What FFmpeg's demuxer learned of one file: the container, its tags and its streams.
 *
 * @param durationSeconds NaN when the container does not say
 * @param tags the container's tags, in the order FFmpeg gives them (names as FFmpeg spells them)
 * @param largestGroupPicture width and height of the largest picture a stream group (a HEIF tile
 *     grid) puts together, {0, 0} when there is none
 */
record AvContainer(
        String formatName,
        String formatLongName,
        double durationSeconds,
        long bitRate,
        Map<String, String> tags,
        List<AvStream> streams,
        int[] largestGroupPicture) {

    AvContainer {
        streams = List.copyOf(streams);
    }

    /** A tag's value, names compared without case; null when absent or blank. */
    String tag(String name) {
        for (Map.Entry<String, String> entry : tags.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isBlank()) {
                return entry.getValue();
            }
        }
        return null;
    }
}
