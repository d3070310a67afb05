package dev.camroll.server.http;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The links the API hands out: absolute (to {@code --base-url} behind a reverse proxy, else to
 * the address the request came to), and for media signed for the caller and expiring. An
 * asset's {@code uri} (a file: URI in the embedded library) becomes the URL of its original.
 */
final class MediaUrls {
    /** How many signatures of the current expiry are kept: a page of a large library, many times over. */
    private static final int KEPT_SIGNATURES = 50_000;

    private final UrlSigner signer;
    private final URI baseUrl;
    private final Duration lifetime;
    private final Clock clock;
    /**
     * Expiries are rounded up to a tenth of the lifetime: a URL lives between one and 1.1
     * lifetimes, and within one tenth the same asset gets the same URL for the same caller, which
     * a browser's cache keeps (a thumbnail grid reloaded is not fetched again) and which is signed
     * once (the HMAC was a quarter of a page's cost).
     */
    private final long roundingSeconds;

    private volatile Signatures signatures = new Signatures(0);

    MediaUrls(UrlSigner signer, URI baseUrl, Duration lifetime, Clock clock) {
        this.signer = signer;
        this.baseUrl = baseUrl;
        this.lifetime = lifetime;
        this.clock = clock;
        this.roundingSeconds = Math.max(1, lifetime.toSeconds() / 10);
    }

    /** The signatures of one expiry, by identity and path; dropped when the expiry moves on. */
    private record Signatures(long expires, java.util.concurrent.ConcurrentHashMap<String, String> byKey) {
        Signatures(long expires) {
            this(expires, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    /** The path of an asset's original bytes, under the API's root. */
    /** The last part of the path of a Live Photo's video: {@code /assets/{id}/paired-video}. */
    static final String PAIRED_VIDEO = "/paired-video";

    static String originalPath(String assetId) {
        return Api.ROOT + "/assets/" + encoded(assetId) + "/original";
    }

    /** An id in a path; the library's own ids are letters and digits, which need no encoding. */
    private static String encoded(String assetId) {
        for (int i = 0; i < assetId.length(); i++) {
            char c = assetId.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return URLEncoder.encode(assetId, StandardCharsets.UTF_8);
            }
        }
        return assetId;
    }

    /**
     * The path whose signature authorises a request's path: an asset's thumbnails are opened by the
     * signed URL of its original with {@code /original} turned into {@code /thumbnail} (a
     * thumbnail shows less than the original it is made from), and its rendition with it turned
     * into {@code /rendition}, so that one signed {@code uri} serves an {@code <img>} of the grid,
     * a {@code <video>} of the rendition and the full file; and a Live Photo's video with it turned
     * into {@code /paired-video}.
     */
    static String signedPathOf(String requestPath) {
        // A rendition shows no more than its original either.
        // Nor does the video of a Live Photo, which whoever sees the photo may play.
        for (String derived : new String[] {"/thumbnail", "/rendition", PAIRED_VIDEO}) {
            if (requestPath.startsWith(Api.ROOT + "/assets/") && requestPath.endsWith(derived)) {
                return requestPath.substring(0, requestPath.length() - derived.length()) + "/original";
            }
        }
        return requestPath;
    }

    /** The absolute URL of a path of this server, as the caller reaches it. */
    String absolute(Context ctx, String path) {
        return origin(ctx) + path;
    }

    /** Scheme, host and port (and the base URL's path) that this server's paths follow. */
    private String origin(Context ctx) {
        if (baseUrl != null) {
            String base = baseUrl.toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        String host = ctx.header("Host");
        return ctx.scheme() + "://" + (host != null ? host : ctx.host());
    }

    /** The URL of a photo's paired video: its signed original's, with {@code /original} turned. */
    static String pairedVideoUri(String signedOriginal) {
        int query = signedOriginal.indexOf('?');
        String path = query < 0 ? signedOriginal : signedOriginal.substring(0, query);
        String rest = query < 0 ? "" : signedOriginal.substring(query);
        return path.substring(0, path.length() - "/original".length()) + PAIRED_VIDEO + rest;
    }

    /** The signed URL of a path, valid for the caller for at least the lifetime. */
    String signed(Context ctx, String path, Caller caller) {
        return signed(origin(ctx), path, caller);
    }

    private String signed(String origin, String path, Caller caller) {
        String app = caller instanceof Caller.OfApp of ? "&" + UrlSigner.APP + "=" + of.signedName() : "";
        return origin + path + "?" + query(path, caller.identity()) + app;
    }

    /** The expiry and signature of a path for an identity, signed once per expiry. */
    private String query(String path, String identity) {
        long soonest = clock.instant().plus(lifetime).getEpochSecond();
        long expires = Math.ceilDiv(soonest, roundingSeconds) * roundingSeconds;
        Signatures current = signatures;
        if (current.expires() != expires) {
            current = new Signatures(expires);
            signatures = current;
        } else if (current.byKey().size() > KEPT_SIGNATURES) {
            current.byKey().clear();
        }
        return current.byKey().computeIfAbsent(identity + "\n" + path, key -> signer.sign(path, identity, expires));
    }

    boolean verify(String path, String identity, String expires, String signature) {
        return signer.verify(path, identity, expires, signature, clock.instant().getEpochSecond());
    }

    Asset link(Context ctx, Asset asset, Caller caller) {
        return link(origin(ctx), asset, caller);
    }

    private Asset link(String origin, Asset asset, Caller caller) {
        return new Asset(
                asset.id(),
                asset.filename(),
                signed(origin, originalPath(asset.id()), caller),
                asset.mediaType(),
                asset.mediaSubtypes(),
                asset.width(),
                asset.height(),
                asset.creationTime(),
                asset.modificationTime(),
                asset.duration(),
                asset.albumId());
    }

    AssetPage link(Context ctx, AssetPage page, Caller caller) {
        List<Asset> linked = new ArrayList<>(page.assets().size());
        String origin = origin(ctx);
        for (Asset asset : page.assets()) {
            linked.add(link(origin, asset, caller));
        }
        return new AssetPage(linked, page.endCursor(), page.hasNextPage(), page.totalCount());
    }

    AssetInfo link(Context ctx, AssetInfo info, Caller caller) {
        Asset asset = link(ctx, info.asset(), caller);
        return new AssetInfo(
                asset,
                info.exif(),
                info.location(),
                asset.uri(),
                info.orientation(),
                info.isFavorite(),
                info.isNetworkAsset(),
                info.mimeType(),
                info.fileSize(),
                info.cameraMake(),
                info.cameraModel(),
                info.audioTags(),
                info.burstId(),
                info.pairedVideoUri() == null ? null : pairedVideoUri(asset.uri()));
    }
}
