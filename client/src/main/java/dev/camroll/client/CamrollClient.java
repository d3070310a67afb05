package dev.camroll.client;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ChangeListener;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.Subscription;
import dev.camroll.wire.ApiJson;
import dev.camroll.wire.PermissionRequest;
import dev.camroll.wire.QueryParameters;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link MediaLibrary} on a Camroll server, over its HTTP API: the same calls, the same records
 * and the same exceptions (by error code) as the embedded library. Listeners share one stream of
 * the server's change events. An asset's {@code uri} is a signed URL of its original bytes, which
 * a browser or any HTTP client loads without the token until it expires; {@link #openOriginal}
 * reads them with the token, and {@link #openThumbnail} its thumbnails.
 *
 * <pre>{@code
 * try (CamrollClient library = CamrollClient.connect(URI.create("http://127.0.0.1:8420/"), token)) {
 *     AssetPage page = library.getAssets(AssetQuery.builder().first(20).build());
 * }
 * }</pre>
 */
public final class CamrollClient implements MediaLibrary {
    private final HttpApi api;
    private final PermissionCalls permissions;
    private final EventStream events;

    private CamrollClient(HttpApi api, Duration silenceLimit) {
        this.api = api;
        this.permissions = new PermissionCalls(api);
        this.events = new EventStream(api, silenceLimit);
    }

    /**
     * A client of the server at {@code baseUrl} (what {@code camroll serve} prints, or its
     * {@code --base-url}), calling with the owner's token. Nothing is sent until the first call.
     */
    public static CamrollClient connect(URI baseUrl, String token) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        return connect(baseUrl, token, EventStream.SILENCE_LIMIT);
    }

    /** As {@link #connect(URI, String)}, with the silence after which the event stream is opened again. */
    static CamrollClient connect(URI baseUrl, String token, Duration silenceLimit) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        return new CamrollClient(new HttpApi(baseUrl, token), silenceLimit);
    }

    @Override
    public AssetPage getAssets(AssetQuery query) {
        return ApiJson.readAssetPage(api.get("assets", QueryParameters.of(query)));
    }

    @Override
    public MonthCounts monthCounts(AssetQuery query, ZoneId zone) {
        if (zone == null) {
            throw InvalidArgumentException.of("timeZone", "timeZone: a time zone is needed");
        }
        Map<String, String> parameters = new LinkedHashMap<>(QueryParameters.filtersOf(query));
        parameters.put("timeZone", zone.getId());
        return ApiJson.readMonthCounts(api.get("assets/months", parameters));
    }

    @Override
    public AssetInfo getAssetInfo(String id) {
        if (id == null || id.isBlank() || id.contains("/")) {
            // Not the form of an id (no id holds a slash): null, as the embedded library answers.
            return null;
        }
        try {
            return ApiJson.readAssetInfo(api.get("assets/" + HttpApi.encode(id)));
        } catch (CamrollException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public List<Album> getAlbums(boolean includeSmartAlbums) {
        return ApiJson.readAlbums(
                api.get("albums", Map.of("includeSmartAlbums", Boolean.toString(includeSmartAlbums))));
    }

    @Override
    public List<Album> getMoments() {
        return ApiJson.readAlbums(api.get("moments", Map.of()));
    }

    @Override
    public Album getAlbum(String title) {
        if (title == null) {
            return null;
        }
        try {
            return ApiJson.readAlbum(api.get("albums/by-title", Map.of("title", title)));
        } catch (CamrollException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void setFavorite(String id, boolean favorite) {
        api.send("PUT", "assets/" + HttpApi.encode(id) + "/favorite", Map.of("favorite", favorite));
    }

    /** Streams the source to the server (a file or a stream is never held whole in memory). */
    @Override
    public Asset createAsset(AssetSource source, String album) {
        if (source == null) {
            throw InvalidArgumentException.of("source", "source: missing");
        }
        UploadBody body = UploadBody.of(source);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filename", source.fileName());
        if (album != null) {
            query.put("album", album);
        }
        HttpRequest request = api.request("assets", query)
                .header("Content-Type", "application/octet-stream")
                .POST(body.publisher())
                .build();
        try {
            return ApiJson.readAsset(api.text(request));
        } catch (CamrollException e) {
            // The stream's own refusal (past its limit, short of its length, failing) says more than the cut-off
            // upload.
            throw body.refusal().orElse(e);
        }
    }

    @Override
    public void saveToLibrary(AssetSource source) {
        createAsset(source, null);
    }

    @Override
    public void deleteAssets(List<String> ids) {
        api.send("POST", "assets/delete", Map.of("ids", ids));
    }

    @Override
    public void restoreAssets(List<String> ids) {
        api.send("POST", "trash/restore", Map.of("ids", ids));
    }

    @Override
    public AssetPage getTrashedAssets(int first, String after) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("first", Integer.toString(first));
        if (after != null) {
            query.put("after", after);
        }
        return ApiJson.readAssetPage(api.get("trash/assets", query));
    }

    @Override
    public List<String> trashedAssets() {
        return ApiJson.readIds(api.get("trash"), "ids");
    }

    @Override
    public void purgeTrash() {
        api.send("DELETE", "trash", null);
    }

    /**
     * As the embedded library's; an {@code initialAssetLocalUri} names a file on this machine, so
     * it is uploaded, and the server makes it the album's first asset under its own name.
     */
    @Override
    public Album createAlbum(String name, String assetId, boolean copy, String initialAssetLocalUri) {
        if (assetId == null && initialAssetLocalUri != null) {
            Path file = localFile(initialAssetLocalUri);
            UploadBody body = UploadBody.of(AssetSource.file(file));
            Map<String, String> query = new LinkedHashMap<>();
            query.put("name", String.valueOf(name));
            query.put("filename", AssetSource.file(file).fileName());
            return ApiJson.readAlbum(api.text(api.request("albums/upload", query)
                    .header("Content-Type", "application/octet-stream")
                    .POST(body.publisher())
                    .build()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (assetId != null) {
            body.put("assetId", assetId);
        }
        body.put("copy", copy);
        return ApiJson.readAlbum(api.send("POST", "albums", body));
    }

    private static Path localFile(String uri) {
        try {
            URI parsed = new URI(uri);
            if (!"file".equalsIgnoreCase(parsed.getScheme())) {
                throw InvalidArgumentException.of("initialAssetLocalUri", uri + ": not a file: URI");
            }
            return Path.of(parsed);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw InvalidArgumentException.of("initialAssetLocalUri", uri + ": not a file: URI: " + e.getMessage());
        }
    }

    @Override
    public Album renameAlbum(String albumId, String newTitle) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", newTitle);
        return ApiJson.readAlbum(api.send("PATCH", "albums/" + HttpApi.encode(String.valueOf(albumId)), body));
    }

    @Override
    public void addAssetsToAlbum(List<String> assetIds, String albumId, boolean copy) {
        api.send("POST", "albums/" + HttpApi.encode(albumId) + "/assets", Map.of("assetIds", assetIds, "copy", copy));
    }

    @Override
    public void removeAssetsFromAlbum(List<String> assetIds, String albumId) {
        api.send("POST", "albums/" + HttpApi.encode(albumId) + "/assets/remove", Map.of("assetIds", assetIds));
    }

    @Override
    public void deleteAlbums(List<String> albumIds, boolean assetRemove) {
        api.send("POST", "albums/delete", Map.of("albumIds", albumIds, "assetRemove", assetRemove));
    }

    @Override
    public boolean albumNeedsMigration(String albumId) {
        String json = api.get("albums/" + HttpApi.encode(albumId) + "/migration");
        return Boolean.parseBoolean(JsonFields.scalar(json, "needsMigration"));
    }

    @Override
    public void migrateAlbumIfNeeded(String albumId) {
        api.send("POST", "albums/" + HttpApi.encode(albumId) + "/migration", null);
    }

    /** The caller's permission state; the owner's token has everything. */
    @Override
    public PermissionResponse getPermissions(boolean writeOnly, Set<GranularPermission> granular) {
        return permissions.get(writeOnly, granular);
    }

    /**
     * Opens a consent request when the app lacks what it asks and may ask, and answers at once
     * with the state as it is (the embedded library's behaviour); {@link #requestPermissions(boolean,
     * Set, Duration)} waits for the owner's answer and gives the consent page's URL.
     */
    @Override
    public PermissionResponse requestPermissions(boolean writeOnly, Set<GranularPermission> granular) {
        return requestPermissions(writeOnly, granular, Duration.ZERO).permissions();
    }

    /**
     * expo's requestPermissionsAsync as a web app makes it: opens a consent request and waits up
     * to {@code wait} (at most a minute) for the owner to answer it on the page at
     * {@link PermissionRequest#consentUrl()}; the state after the answer, or as it is when the
     * wait ends (then {@link PermissionRequest#pending()}: ask again to wait longer).
     */
    public PermissionRequest requestPermissions(boolean writeOnly, Set<GranularPermission> granular, Duration wait) {
        Objects.requireNonNull(wait, "wait");
        return permissions.request(writeOnly, granular, wait);
    }

    /** Opens a reselection request for the owner (nothing for an app that sees everything). */
    @Override
    public void presentPermissionsPicker(Set<MediaType> mediaTypes) {
        permissions.picker(mediaTypes);
    }

    /**
     * {@link #presentPermissionsPicker} with the request it opened and the URL of its page, for
     * the app to show the owner; no request (a null id) for an app that sees everything.
     */
    public PermissionRequest openPermissionsPicker(Set<MediaType> mediaTypes) {
        return permissions.picker(mediaTypes);
    }

    @Override
    public String changeToken() {
        return JsonFields.scalar(api.get("changes/token"), "token");
    }

    @Override
    public ChangeSet changesSince(String token) {
        return ApiJson.readChangeSet(api.get("changes", Map.of("since", String.valueOf(token))));
    }

    /**
     * Hears every change made from now on, by anyone, through the server's event stream (one
     * connection for all listeners, reopened from the last change heard when it drops). Listeners
     * are called on the client's event thread, in order.
     */
    @Override
    public Subscription addListener(ChangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        return events.add(listener, this::changeToken);
    }

    @Override
    public void removeAllListeners() {
        events.removeAll();
    }

    /** Scans on the server; the progress is not reported over the API, only the result. */
    @Override
    public ScanReport scan(ScanProgress progress) {
        ScanReport report = ApiJson.readScanReport(api.send("POST", "scan", null));
        if (progress != null) {
            progress.finished(report);
        }
        return report;
    }

    /** The original bytes of an asset, as a stream the caller closes. */
    public InputStream openOriginal(String assetId) {
        return api.stream(api.request(originalPath(assetId)).GET().build()).body();
    }

    /**
     * {@code length} bytes of an asset's original from {@code offset} (fewer at the end of the
     * file), as a stream the caller closes; a range outside the file is an invalid argument.
     */
    public InputStream openOriginal(String assetId, long offset, long length) {
        if (offset < 0 || length < 1) {
            throw InvalidArgumentException.of(
                    "range", "a range needs an offset of at least 0 and a length of at least 1");
        }
        HttpRequest request = api.request(originalPath(assetId))
                .header("Range", "bytes=" + offset + "-" + (offset + length - 1))
                .GET()
                .build();
        HttpResponse<InputStream> response = api.stream(request);
        if (response.statusCode() == 206) {
            return response.body();
        }
        // The whole file came (a proxy that drops ranges, say): the range is cut from it here.
        InputStream whole = response.body();
        try {
            whole.skipNBytes(offset);
            return new java.io.ByteArrayInputStream(whole.readNBytes((int) Math.min(length, Integer.MAX_VALUE)));
        } catch (IOException e) {
            throw api.unreachable(e);
        } finally {
            try {
                whole.close();
            } catch (IOException ignored) {
                // What was wanted is read.
            }
        }
    }

    /**
     * An asset's thumbnail as JPEG bytes, as a stream the caller closes: {@code size} is
     * {@code "grid"} (256 px on the long edge) or {@code "preview"} (1440 px). An asset with no
     * thumbnail (audio without cover art, a format the server does not decode) fails with the
     * code {@code no_thumbnail}; an unknown one with {@code not_found}; another size is an invalid
     * argument naming {@code size}.
     */
    public InputStream openThumbnail(String assetId, String size) {
        Objects.requireNonNull(size, "size");
        String path = "assets/" + HttpApi.encode(Objects.requireNonNull(assetId, "assetId")) + "/thumbnail";
        return api.stream(api.request(path, Map.of("size", size)).GET().build()).body();
    }

    private static String originalPath(String assetId) {
        return "assets/" + HttpApi.encode(Objects.requireNonNull(assetId, "assetId")) + "/original";
    }

    /** Closes the event stream and the connections. */
    @Override
    public void close() {
        events.removeAll();
        api.close();
    }
}
