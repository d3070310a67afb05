package dev.camroll.core.store;

import dev.camroll.api.MediaSubtype;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of assets and albums for the library API. */
public final class AssetStore {
    private final Database database;

    public AssetStore(Database database) {
        this.database = database;
    }

    public Optional<AssetRow> byPublicId(String publicId) {
        if (!PublicIds.looksValid(publicId)) {
            return Optional.empty();
        }
        return database.read(connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT " + AssetColumns.SELECT + " FROM assets WHERE public_id = ?")) {
                statement.setString(1, publicId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(AssetColumns.read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Up to {@code spec.limit()} rows in the spec's order, starting after its position. */
    public List<AssetRow> list(ListingSpec spec) {
        return database.read(connection -> AssetListing.run(connection, spec));
    }

    /** A page and the total count, read in one transaction so that they agree. */
    public Listing listAndCount(ListingSpec spec) {
        return database.read(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<AssetRow> rows = AssetListing.run(connection, spec);
                long total = ListingCount.count(connection, spec);
                return new Listing(rows, total);
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    public long count(ListingSpec spec) {
        return database.read(connection -> ListingCount.count(connection, spec));
    }

    /** The folders that hold at least one asset, by path. */
    public List<AlbumCount> albums() {
        return database.read(connection -> {
            List<AlbumCount> albums = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT a.id, a.public_id, a.rel_path, a.title, SUM(c.n)"
                            + " FROM albums a JOIN asset_counts c ON c.album_id = a.id"
                            + " GROUP BY a.id HAVING SUM(c.n) > 0 ORDER BY a.rel_path")) {
                while (rs.next()) {
                    albums.add(new AlbumCount(
                            new AlbumRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            rs.getInt(5)));
                }
            }
            return albums;
        });
    }

    public Optional<AlbumRow> albumByPublicId(String publicId) {
        if (!PublicIds.looksValid(publicId)) {
            return Optional.empty();
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, public_id, rel_path, title FROM albums WHERE public_id = ?")) {
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
    public long countAll(AssetFilter filter) {
        return database.read(connection -> {
            String where =
                    switch (filter) {
                        case AssetFilter.All all -> "1";
                        case AssetFilter.InFolder folder -> "album_id = " + folder.albumRowId();
                        case AssetFilter.Favorites favorites -> "is_favorite = 1";
                        case AssetFilter.WithSubtype(MediaSubtype subtype) ->
                            "(',' || subtypes || ',') LIKE '%," + subtype.wireName() + ",%'";
                    };
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM assets WHERE " + where)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /** Sets the favorite flag of an asset; false when no asset has that id. */
    public boolean setFavorite(String publicId, boolean favorite) {
        if (!PublicIds.looksValid(publicId)) {
            return false;
        }
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE assets SET is_favorite = ?,"
                    + " generation_modified = " + Journal.CURRENT_GENERATION + " WHERE public_id = ?")) {
                statement.setInt(1, favorite ? 1 : 0);
                statement.setString(2, publicId);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** A page of rows with the count of all rows that match. */
    public record Listing(List<AssetRow> rows, long totalCount) {}
}
