package dev.camroll.core.library;

import dev.camroll.core.media.CachedRendition;

/**
 * What a browser is given of an asset: its original when a browser shows that as it is, else the
 * rendition made of it (see {@code media/BrowserFormats}).
 */
public sealed interface AssetRendition {

    /** The original itself: a browser shows it as it is. */
    record AsIs(OriginalFile original) implements AssetRendition {}

    /**
     * A rendition from the library's cache.
     *
     * @param filename the original's name with the rendition's extension ({@code clip.mts} gives
     *     {@code clip.mp4})
     */
    record Converted(CachedRendition rendition, String filename) implements AssetRendition {}
}
