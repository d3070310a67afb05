package dev.camroll.core.library;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.access.Scope;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.TrashListing;
import dev.camroll.core.store.TrashListing.Position;
import dev.camroll.core.store.TrashListing.TrashedRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The trash as pages of assets, for a view of it: each trashed asset with the fields it had, most
 * recently deleted first. Its {@code uri} is null (the file is not in the library until restored)
 * and its {@code albumId} the album a restore puts it back in, null when that folder is no longer
 * known (a restore makes it again). The cursor is opaque: the last item's deletion time and id.
 */
final class TrashPages {
    private static final String VERSION = "t1";

    private final TrashListing listing;

    TrashPages(TrashListing listing) {
        this.listing = listing;
    }

    AssetPage page(Scope scope, int first, String after) {
        if (first < 1 || first > AssetQuery.MAX_FIRST) {
            throw InvalidArgumentException.of(
                    "first", "first must be between 1 and " + AssetQuery.MAX_FIRST + ", got " + first);
        }
        List<TrashedRow> rows = listing.page(scope, first + 1, after == null ? null : decode(after));
        boolean more = rows.size() > first;
        List<TrashedRow> shown = more ? rows.subList(0, first) : rows;
        List<Asset> assets = new ArrayList<>(shown.size());
        for (TrashedRow row : shown) {
            assets.add(asset(row));
        }
        String end = shown.isEmpty() ? null : encode(shown.getLast());
        return new AssetPage(assets, end, more, listing.count(scope));
    }

    private static Asset asset(TrashedRow trashed) {
        AssetRow row = trashed.asset();
        return new Asset(
                row.publicId(),
                row.filename(),
                null,
                row.mediaType(),
                row.subtypes().stream().sorted().toList(),
                row.width(),
                row.height(),
                row.creationTime(),
                row.modificationTime(),
                row.duration(),
                trashed.albumId());
    }

    private static String encode(TrashedRow row) {
        String text = VERSION + ":" + row.trashedAt() + ":" + row.asset().publicId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                return new Position(Long.parseLong(parts[1]), parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // Not base64, or not a number: the same answer as any other stranger.
        }
        throw InvalidArgumentException.of("after", cursor + ": not a cursor of the trash");
    }
}
