package dev.camroll.core.library;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.CachedThumbnail;
import dev.camroll.core.media.NoRenditionException;
import dev.camroll.core.media.NoThumbnailException;
import dev.camroll.core.media.RenditionPendingException;
import dev.camroll.core.media.ThumbnailFormat;
import dev.camroll.core.media.ThumbnailSize;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A MediaLibrary seen through one access scope, plus the bytes of its assets. Every read and write
 * goes through the scope; an asset or album the scope does not see looks exactly like a missing
 * one. Closing it does not close the library it views.
 */
public interface ScopedLibrary extends MediaLibrary {
    Scope scope();

    /**
     * The assets of these ids that this scope sees, in the order asked, each once, as a listing
     * gives them (no EXIF is read); an id unknown or not visible is left out, as in a listing.
     */
    List<Asset> assetsById(Collection<String> ids);

    /**
     * createAlbum with a first file the caller sends as bytes (an upload): the album {@code name}
     * holding the asset made from {@code first}, under its own name. Unlike a {@code file:} URI
     * (which names a path, and so for an app only the file of an asset it sees), this is open to
     * any caller that may add to the library.
     */
    Album createAlbum(String name, AssetSource first);

    /** The original file of an asset this scope sees; empty when it does not exist or is not visible. */
    Optional<OriginalFile> original(String assetId);

    /**
     * The video of a Live Photo this scope sees (its MOV), served as an original is: whoever sees
     * the photo may play it, with the location taken out for a scope that does not see locations;
     * empty when the photo does not exist, is not visible or has no paired video.
     */
    Optional<OriginalFile> pairedVideo(String photoId);

    /** A JPEG thumbnail: {@link #thumbnail(String, ThumbnailSize, ThumbnailFormat)}. */
    default Optional<CachedThumbnail> thumbnail(String assetId, ThumbnailSize size) {
        return thumbnail(assetId, size, ThumbnailFormat.JPEG);
    }

    /**
     * The thumbnail of an asset this scope sees, from the library's cache (made and stored first
     * when the cache has none for the file as indexed); empty when the asset does not exist or is
     * not visible, exactly as for {@link #original}.
     *
     * @throws NoThumbnailException (code {@code no_thumbnail}) when nothing can be drawn of the
     *     file: audio without cover art, a format the bundled libraries do not decode, a damaged
     *     file or one claiming too many pixels
     */
    Optional<CachedThumbnail> thumbnail(String assetId, ThumbnailSize size, ThumbnailFormat format);

    /**
     * What a browser is given of an asset this scope sees: the original when a browser shows it
     * as it is, else its rendition (an H.264/AAC MP4 of a video, an AAC M4A of a sound, a
     * full-size JPEG of a picture), made on first request and kept in the library's cache. A
     * conversion runs in the background at the lowest priority; the caller waits up to {@code
     * wait} for it. Empty when the asset does not exist or is not visible, exactly as for {@link
     * #original}.
     *
     * @throws NoRenditionException (code {@code no_rendition}) when the file can be neither shown
     *     nor converted: a damaged file, a format the bundled libraries do not decode
     * @throws RenditionPendingException (code {@code unavailable}) when the conversion was not
     *     done within {@code wait}; it goes on, and asking again later finds it
     */
    Optional<AssetRendition> rendition(String assetId, Duration wait);

    /**
     * Makes the grid thumbnails of every asset this scope sees ahead, in the background at the
     * system's lowest priority (until the library closes); returns how many assets were handed on.
     */
    int makeThumbnailsAhead();

    /** {@link #makeThumbnailsAhead()} for these assets only (those the scope sees). */
    int makeThumbnailsAhead(Collection<String> assetIds);

    /**
     * Keeps the thumbnails in step with a change set heard from this library: those of inserted
     * and updated assets are made ahead, those of assets gone for good (their file deleted from
     * the folder, not moved to the trash) are removed from the cache.
     */
    void followWithThumbnails(ChangeSet changes);

    /** How many assets handed to the background maker are not done yet. */
    int thumbnailsPending();
}
