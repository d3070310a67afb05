package dev.camroll.core.metadata;

import dev.camroll.api.AssetInfo.AudioTags;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tags of an audio file for its asset info: ID3v2 (MP3), Vorbis comments (Ogg, Opus,
 * FLAC) and MP4 atoms (M4A), through FFmpeg's demuxers, which already turn each container's own
 * names into one vocabulary ({@code TIT2}, {@code TITLE} and {@code ©nam} all become "title";
 * ID3v2.3's {@code TYER}, ID3v2.4's {@code TDRC} and Vorbis' {@code DATE} become "date").
 *
 * <p>Lenient and bounded: the demuxer keeps at most 256 tags of 4,096 characters each, and each
 * field here is cut to {@link #MAX_CHARS} with its control characters dropped, so a tag of any
 * size or encoding becomes a short string or nothing, never an error. Ogg keeps its comments on
 * the stream rather than the container, so the first audio stream's tags fill what the
 * container's leave out.
 */
public final class AudioTagReader {

    /** The longest a field is kept: longer than any real title, far below what a hostile tag holds. */
    public static final int MAX_CHARS = 512;

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*0*(\\d{1,6})");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

    private static final AudioTags NONE = new AudioTags(null, null, null, null, null, null);

    private AudioTagReader() {}

    /**
     * The tags of an audio file; null when FFmpeg cannot read the file or finds no tag. Never
     * throws for the file's content.
     */
    public static AudioTags read(Path file) {
        try {
            AvContainer container = AvReader.container(file, new FactsBuilder(MediaFormat.MP3));
            return container == null ? null : of(container);
        } catch (RuntimeException | OutOfMemoryError e) {
            return null;
        }
    }

    static AudioTags of(AvContainer container) {
        List<Map<String, String>> sources = new java.util.ArrayList<>();
        sources.add(container.tags());
        for (AvStream stream : container.streams()) {
            if (stream.kind() == AvStream.Kind.AUDIO) {
                sources.add(stream.tags());
                break;
            }
        }
        AudioTags tags = new AudioTags(
                text(sources, "title"),
                text(sources, "artist"),
                text(sources, "album"),
                number(text(sources, "track")),
                year(text(sources, "date", "year", "TYER", "TDRC", "TORY")),
                text(sources, "genre"));
        return tags.equals(NONE) ? null : tags;
    }

    /** The first non-blank value of any of the names (without case) in the first source that has one. */
    private static String text(List<Map<String, String>> sources, String... names) {
        for (String name : names) {
            for (Map<String, String> source : sources) {
                for (Map.Entry<String, String> entry : source.entrySet()) {
                    if (entry.getKey().equalsIgnoreCase(name)) {
                        String clean = clean(entry.getValue());
                        if (clean != null) {
                            return clean;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Without control characters (a NUL or an escape in a tag is damage, not text), trimmed, cut to size. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(value.length(), MAX_CHARS));
        for (int i = 0; i < value.length() && kept.length() < MAX_CHARS; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                kept.append(c == '\n' || c == '\t' || c == '\r' ? ' ' : "");
            } else if (Character.isHighSurrogate(c)) {
                // A pair is kept whole or not at all: a cut must not leave half a character.
                if (i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))
                        && kept.length() + 2 <= MAX_CHARS) {
                    kept.append(c).append(value.charAt(++i));
                } else {
                    break;
                }
            } else if (!Character.isLowSurrogate(c)) {
                kept.append(c);
            }
        }
        String trimmed = kept.toString().strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The track number: "3" of "3/12" or "03". */
    static Integer number(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = LEADING_NUMBER.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        int value = Integer.parseInt(matcher.group(1));
        return value > 0 ? value : null;
    }

    /** The year of a date tag: "2019" of "2019", "2019-05-01" or "2019-05-01T10:00:00Z". */
    static Integer year(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = YEAR.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        int value = Integer.parseInt(matcher.group(1));
        return value >= 1000 ? value : null;
    }
}
