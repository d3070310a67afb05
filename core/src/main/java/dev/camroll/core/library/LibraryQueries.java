package dev.camroll.core.library;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.redact.LocationFreeMetadata;
import dev.camroll.core.metadata.AudioTagReader;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MetadataDump;
import dev.camroll.core.metadata.MotionPhotoVideo;
import dev.camroll.core.moments.MomentIndex;
import dev.camroll.core.store.AlbumCount;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetFilter;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.ListingSpec;
import dev.camroll.core.store.MomentIds;
import dev.camroll.core.store.SortColumns;
import dev.camroll.core.store.SortPosition;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the library: assets and albums as the API shows them, resolved from the index
 * through the caller's scope.
 * The album directory is the library's own, so that the cache its writes clear is the one read here.
 */
final class LibraryQueries {
    private static final List<SortKey> NEWEST_FIRST = List.of(SortKey.desc(SortField.DEFAULT));

    private final AssetStore assets;
    private final AlbumDirectory albums;
    private final OriginalFiles originals;
    private final MomentIndex moments;

    LibraryQueries(AssetStore assets, AlbumDirectory albums, OriginalFiles originals, MomentIndex moments) {
        this.assets = assets;
        this.albums = albums;
        this.originals = originals;
        this.moments = moments;
    }

    /** The moments the scope sees, oldest first. */
    List<Album> getMoments(Scope scope) {
        return moments.moments(scope);
    }

    AssetPage getAssets(Scope scope, AssetQuery query) {
        List<SortKey> sortBy = query.sortBy().isEmpty() ? NEWEST_FIRST : query.sortBy();
        ListingSpec spec = QueryConditions.spec(
                query,
                filterFor(scope, query.album()),
                sortBy,
                positionAfter(scope, query.after(), sortBy),
                query.first() + 1);
        AssetStore.Listing listing = assets.listAndCount(scope, spec, query.offset());
        List<AssetRow> rows = listing.rows();
        boolean hasNextPage = rows.size() > query.first();
        if (hasNextPage) {
            rows = rows.subList(0, query.first());
        }
        List<Asset> page = new ArrayList<>(rows.size());
        for (AssetRow row : rows) {
            page.add(toAsset(row));
        }
        String endCursor = rows.isEmpty() ? null : Cursors.encode(sortBy, positionOf(rows.getLast(), sortBy));
        return new AssetPage(page, endCursor, hasNextPage, listing.totalCount());
    }

    /** The assets the query matches (its paging and order aside) counted per month of {@code zone}. */
    MonthCounts monthCounts(Scope scope, AssetQuery query, ZoneId zone) {
        if (zone == null) {
            throw InvalidArgumentException.of("timeZone", "timeZone: a time zone is needed");
        }
        ListingSpec spec = QueryConditions.spec(query, filterFor(scope, query.album()), NEWEST_FIRST, null, 1);
        return assets.monthCounts(scope, spec, zone);
    }

    /** The assets of the ids the scope sees, in the order asked, each once. */
    List<Asset> assetsById(Scope scope, Collection<String> ids) {
        List<Asset> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            assets.byPublicId(scope, id).map(this::toAsset).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The asset's info; its EXIF read from its file through the library's checks (see
     * OriginalFiles). A scope that does not see locations gets neither the location nor a tag
     * that tells it.
     */
    AssetInfo getAssetInfo(Scope scope, String id) {
        Optional<AssetRow> found = assets.byPublicId(scope, id);
        if (found.isEmpty()) {
            return null;
        }
        AssetRow row = found.get();
        Asset asset = toAsset(row);
        Optional<Path> file = originals.locate(row);
        Map<String, Map<String, String>> exif = file.map(MetadataDump::readAll).orElseGet(Map::of);
        MediaFormat format = formatOf(row.format());
        AssetInfo.AudioTags audioTags = format != null && format.mediaType() == MediaType.AUDIO
                ? file.map(AudioTagReader::read).orElse(null)
                : null;
        boolean located = scope.seesLocation();
        return new AssetInfo(
                asset,
                located ? exif : LocationFreeMetadata.of(exif),
                located ? row.location() : null,
                asset.uri(),
                row.orientation() >= 1 && row.orientation() <= 8 ? row.orientation() : 1,
                row.favorite(),
                false,
                mimeTypeOf(row.format()),
                row.fileSize(),
                row.cameraMake(),
                row.cameraModel(),
                audioTags,
                row.subtypes().contains(MediaSubtype.BURST) ? assets.burstId(scope, row.publicId()) : null,
                pairedVideoUri(scope, row, asset, file));
    }

    /**
     * A Live Photo's MOV as a file URI; a Motion Photo's own file URI with the fragment {@code
     * #mp4=OFFSET,LENGTH} naming the bytes of the MP4 inside it; null for any other asset.
     */
    private String pairedVideoUri(Scope scope, AssetRow row, Asset asset, Optional<Path> file) {
        Optional<String> live = assets.pairedVideo(scope, row.publicId())
                .map(video -> FileUris.of(albums.get(video.albumRowId()).folderPath() + video.filename()));
        if (live.isPresent() || !row.subtypes().contains(dev.camroll.api.MediaSubtype.MOTION_PHOTO)) {
            return live.orElse(null);
        }
        return file.flatMap(MotionPhotoVideo::locate)
                .map(range -> asset.uri() + "#mp4=" + range.offset() + "," + range.length())
                .orElse(null);
    }

    List<Album> getAlbums(Scope scope, boolean includeSmartAlbums) {
        List<Album> result = new ArrayList<>();
        for (AlbumCount folder : assets.albums(scope)) {
            result.add(
                    new Album(folder.album().publicId(), folder.album().title(), folder.assetCount(), AlbumType.ALBUM));
        }
        if (includeSmartAlbums) {
            for (SmartAlbum smart : SmartAlbum.values()) {
                int count = Math.toIntExact(assets.countAll(scope, smart.filter()));
                if (count > 0 || smart.alwaysListed()) {
                    result.add(new Album(smart.id(), smart.title(), count, AlbumType.SMART));
                }
            }
        }
        return result;
    }

    Album getAlbum(Scope scope, String title) {
        if (title == null) {
            return null;
        }
        // Folders first; smart albums are counted only when no folder has the title.
        return getAlbums(scope, false).stream()
                .filter(album -> album.title().equals(title))
                .findFirst()
                .or(() -> getAlbums(scope, true).stream()
                        .filter(album ->
                                album.type() == AlbumType.SMART && album.title().equals(title))
                        .findFirst())
                .orElse(null);
    }

    /** The format stored by name, or null for one this version does not know. */
    static MediaFormat formatOf(String format) {
        for (MediaFormat known : MediaFormat.values()) {
            if (known.name().equals(format)) {
                return known;
            }
        }
        return null;
    }

    /** The format is stored by name; one this version does not know (a newer one wrote it) is generic. */
    static String mimeTypeOf(String format) {
        for (MediaFormat known : MediaFormat.values()) {
            if (known.name().equals(format)) {
                return known.mimeType();
            }
        }
        return "application/octet-stream";
    }

    private AssetFilter filterFor(Scope scope, String album) {
        if (album == null) {
            return new AssetFilter.All();
        }
        SmartAlbum smart = SmartAlbum.byId(album);
        if (smart != null) {
            return smart.filter();
        }
        if (MomentIds.isMoment(album)) {
            return new AssetFilter.InMoment(moments.rowIdOf(scope, album)
                    .orElseThrow(
                            () -> InvalidArgumentException.of("album", "album: no moment with id '" + album + "'")));
        }
        AlbumRow row = assets.albumByPublicId(scope, album)
                .orElseThrow(() -> InvalidArgumentException.of("album", "album: no album with id '" + album + "'"));
        return new AssetFilter.InFolder(row.rowId());
    }

    private SortPosition positionAfter(Scope scope, String after, List<SortKey> sortBy) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        Optional<AssetRow> asset = assets.byPublicId(scope, after);
        if (asset.isPresent()) {
            return positionOf(asset.get(), sortBy);
        }
        return Cursors.decode(after, sortBy);
    }

    private static SortPosition positionOf(AssetRow row, List<SortKey> sortBy) {
        List<Object> values = new ArrayList<>(sortBy.size());
        for (SortKey key : sortBy) {
            values.add(SortColumns.valueOf(row, key.field()));
        }
        return new SortPosition(values, row.rowId());
    }

    Asset toAsset(AssetRow row) {
        AlbumDirectory.Entry album = albums.get(row.albumRowId());
        return new Asset(
                row.publicId(),
                row.filename(),
                FileUris.of(album.folderPath() + row.filename()),
                row.mediaType(),
                row.subtypes().stream().sorted().toList(),
                row.width(),
                row.height(),
                row.creationTime(),
                row.modificationTime(),
                row.duration(),
                album.row().publicId());
    }
}
