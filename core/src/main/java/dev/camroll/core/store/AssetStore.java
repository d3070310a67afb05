package dev.camroll.core.store;

import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MonthCounts;
import dev.camroll.core.access.Scope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of assets and albums for the library API, each through the caller's {@link Scope}: an
 * asset the scope does not see is answered as missing.
 */
public final class AssetStore {
    private final Database database;

    public AssetStore(Database database) {
        this.database = database;
    }

    /** The paired video of a photo the scope sees (see {@link LivePairs}); empty when it has none. */
    public Optional<PairedVideo> pairedVideo(Scope scope, String photoPublicId) {
        if (!PublicIds.looksValid(photoPublicId)) {
            return Optional.empty();
        }
        return new LivePairs(database).videoOf(scope, photoPublicId);
    }

    /** The Live Photo pairs of the index (videos of photos, pairing, unpairing). */
    public LivePairs livePairs() {
        return new LivePairs(database);
    }

    public Optional<AssetRow> byPublicId(Scope scope, String publicId) {
        if (!PublicIds.looksValid(publicId)) {
            return Optional.empty();
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + AssetColumns.SELECT
                    + " FROM assets WHERE public_id = ?" + ScopeSql.and(scope, "assets"))) {
                statement.setString(1, publicId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(AssetColumns.read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The burst identifier of an asset the scope sees, or null (no burst, or no such asset). */
    public String burstId(Scope scope, String publicId) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT burst_id FROM assets WHERE public_id = ?" + ScopeSql.and(scope, "assets"))) {
                statement.setString(1, publicId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** The asset the scope sees whose file has a name in a folder (its path relative to the root). */
    public Optional<AssetRow> byFile(Scope scope, String relPath, String filename) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + AssetColumns.SELECT
                    + " FROM assets WHERE filename = ? AND album_id = (SELECT id FROM albums WHERE rel_path = ?)"
                    + ScopeSql.and(scope, "assets"))) {
                statement.setString(1, filename);
                statement.setString(2, relPath);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(AssetColumns.read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Up to {@code spec.limit()} rows in the spec's order, starting after its position. */
    public List<AssetRow> list(Scope scope, ListingSpec spec) {
        return database.read(connection -> AssetListing.run(connection, scope, spec));
    }

    /** A page and the total count, read in one transaction so that they agree. */
    public Listing listAndCount(Scope scope, ListingSpec spec) {
        return database.read(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<AssetRow> rows = AssetListing.run(connection, scope, spec);
                long total = ListingCount.count(connection, scope, spec);
                return new Listing(rows, total);
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /**
     * A page and the total count, read in one transaction, {@code offset} rows into the listing
     * (the spec has no position then): the row before the page is found first, stepping over the
     * others in the index of the order, and the page is read after it as after a cursor.
     */
    public Listing listAndCount(Scope scope, ListingSpec spec, int offset) {
        if (offset == 0) {
            return listAndCount(scope, spec);
        }
        return database.read(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<SortPosition> before = AssetListing.positionAt(connection, scope, spec, offset - 1);
                List<AssetRow> rows =
                        before.isEmpty() ? List.of() : AssetListing.run(connection, scope, spec.after(before.get()));
                long total = ListingCount.count(connection, scope, spec);
                return new Listing(rows, total);
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /** The assets of a listing (its position and limit aside) counted per month of {@code zone}. */
    public MonthCounts monthCounts(Scope scope, ListingSpec spec, ZoneId zone) {
        return database.read(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return MonthCounting.count(connection, scope, spec, zone);
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    public long count(Scope scope, ListingSpec spec) {
        return database.read(connection -> ListingCount.count(connection, scope, spec));
    }

    /**
     * The folders that hold at least one asset the scope sees, by path, with how many. The owner's
     * are counted by the per-folder counters; other scopes count the rows they see.
     */
    public List<AlbumCount> albums(Scope scope) {
        var view = ScopeSql.view(scope);
        String sql;
        if (ScopeSql.countersAnswer(scope)) {
            sql = "SELECT a.id, a.public_id, a.rel_path, a.title, SUM(c.n)"
                    + " FROM albums a JOIN asset_counts c ON c.album_id = a.id"
                    + " GROUP BY a.id HAVING SUM(c.n) > 0 ORDER BY a.rel_path";
        } else if (view.isPresent()) {
            // A limited or add-only app: the folders of its own rows, not of every asset.
            sql = "SELECT a.id, a.public_id, a.rel_path, a.title, COUNT(*)"
                    + " FROM app_view_assets v CROSS JOIN assets s ON s.id = v.asset JOIN albums a ON a.id = s.album_id"
                    + " WHERE " + view.get().rowsOf("v") + ScopeSql.andBeside(scope, view.get(), "s")
                    + " GROUP BY a.id ORDER BY a.rel_path";
        } else {
            sql = "SELECT a.id, a.public_id, a.rel_path, a.title, COUNT(*)"
                    + " FROM albums a JOIN assets s ON s.album_id = a.id WHERE 1" + ScopeSql.and(scope, "s")
                    + " GROUP BY a.id ORDER BY a.rel_path";
        }
        return database.read(connection -> {
            List<AlbumCount> albums = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    albums.add(new AlbumCount(
                            new AlbumRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            rs.getInt(5)));
                }
            }
            return albums;
        });
    }

    /**
     * An album by id: for the owner any folder the index knows, for other scopes only one that
     * holds an asset they see (an album of hidden assets looks missing).
     */
    public Optional<AlbumRow> albumByPublicId(Scope scope, String publicId) {
        if (!PublicIds.looksValid(publicId)) {
            return Optional.empty();
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, public_id, rel_path, title FROM albums WHERE public_id = ?" + holdsVisible(scope))) {
                statement.setString(1, publicId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next()
                            ? Optional.of(
                                    new AlbumRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * A folder row by row id. Takes no scope: row ids never leave the engine, and the library asks
     * only for the folder of an asset row it has already read through a scope.
     */
    public Optional<AlbumRow> albumByRowId(long rowId) {
        return database.read(connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT id, public_id, rel_path, title FROM albums WHERE id = ?")) {
                statement.setLong(1, rowId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next()
                            ? Optional.of(
                                    new AlbumRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /** How many assets (of any media type) a smart album's rule selects. */
    public long countAll(Scope scope, AssetFilter filter) {
        return database.read(connection -> {
            String where =
                    switch (filter) {
                        case AssetFilter.All all -> "1";
                        case AssetFilter.InFolder folder -> "album_id = " + folder.albumRowId();
                        case AssetFilter.Favorites favorites -> "is_favorite = 1";
                        case AssetFilter.InMoment(long momentRowId) ->
                            MomentStore.holdsCondition().replace("?", Long.toString(momentRowId));
                        case AssetFilter.WithSubtype(MediaSubtype subtype) ->
                            "(',' || subtypes || ',') LIKE '%," + subtype.wireName() + ",%'";
                        case AssetFilter.OfMediaType(var mediaType) -> "media_type = " + MediaTypeCode.of(mediaType);
                    };
            var view = ScopeSql.view(scope);
            // A limited or add-only app's rule is met among its own rows, not every asset's.
            String sql = view.isPresent()
                    ? "SELECT COUNT(*) FROM app_view_assets v CROSS JOIN assets ON assets.id = v.asset WHERE "
                            + view.get().rowsOf("v") + " AND " + where + ScopeSql.andBeside(scope, view.get(), "assets")
                    : "SELECT COUNT(*) FROM assets WHERE " + where + ScopeSql.and(scope, "assets");
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /** Sets the favorite flag of an asset; false when no asset the scope sees has that id. */
    public boolean setFavorite(Scope scope, String publicId, boolean favorite) {
        if (!PublicIds.looksValid(publicId)) {
            return false;
        }
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE assets SET is_favorite = ?,"
                    + " generation_modified = " + Journal.CURRENT_GENERATION + " WHERE public_id = ?"
                    + ScopeSql.and(scope, "assets"))) {
                statement.setInt(1, favorite ? 1 : 0);
                statement.setString(2, publicId);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** For scopes that do not see everything: the album must hold an asset they see. */
    private static String holdsVisible(Scope scope) {
        String visible = ScopeSql.and(scope, "s");
        return visible.isEmpty()
                ? ""
                : " AND EXISTS (SELECT 1 FROM assets s WHERE s.album_id = albums.id" + visible + ")";
    }

    /** A page of rows with the count of all rows that match. */
    public record Listing(List<AssetRow> rows, long totalCount) {}
}
