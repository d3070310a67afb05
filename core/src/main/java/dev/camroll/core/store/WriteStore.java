package dev.camroll.core.store;

import dev.camroll.api.ErrorCode;
import dev.camroll.core.access.AppScope;
import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the library's writes (create, move, trash, restore, purge) read from and write to the index.
 * Each read or change of assets and trashed assets goes through the caller's {@link Scope}: an asset
 * the scope does not see is missing. Places (a folder's row, whether a name is taken, a new row for
 * a file just placed) take none: a name held by an asset the caller cannot see is still taken.
 */
public final class WriteStore {
    private static final String INSERT = AssetColumns.INSERT_OR_ADOPT + " RETURNING " + AssetColumns.SELECT;

    /** Drops a row that holds the place an asset is moved to: it can only describe the moved file. */
    private static final String FREE_PLACE =
            "DELETE FROM assets WHERE album_id = ? AND filename = ? AND public_id <> ?";

    /** The columns an asset row and its trash row share, besides the public id and the name. */
    private static final String KEPT = "media_type, format, subtypes, width, height, orientation, creation_time,"
            + " modification_time, duration, file_size, latitude, longitude, camera_make, camera_model,"
            + " is_favorite, warnings, content_key, reader_version, burst_id, content_identifier";

    private static final String TRASH_SELECT =
            "SELECT public_id, rel_path, filename, trash_name, trashed_at FROM trash";

    private final Database database;

    public WriteStore(Database database) {
        this.database = database;
    }

    /** The folder's row, added when the index does not know the folder yet. */
    public AlbumRow folder(String relPath, String title) {
        Optional<AlbumRow> known = database.read(connection -> folderRow(connection, relPath));
        if (known.isPresent()) {
            return known.get();
        }
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO albums (public_id, rel_path, title) VALUES (?, ?, ?)")) {
                insert.setString(1, PublicIds.next());
                insert.setString(2, relPath);
                insert.setString(3, title);
                insert.executeUpdate();
            }
            return folderRow(connection, relPath).orElseThrow();
        });
    }

    /**
     * Indexes a newly placed file in one transaction; returns its row, with a new public id, or
     * with the id of a row written for the same file meanwhile; empty when a row of another file
     * holds the name (see {@link AssetColumns#INSERT_OR_ADOPT}). A row written for an app is
     * recorded as that app's.
     */
    public Optional<AssetRow> insert(Scope scope, NewAsset asset) {
        return insert(scope, asset, PairOnInsert.BY_RULES);
    }

    /**
     * {@link #insert(Scope, NewAsset)}, the new file taking part in Live Photo pairs as {@code
     * pairing} says, in the same transaction. A video paired with a given photo answers with its
     * own row; one that joined a photo by the rules, with that photo's when the scope sees it.
     */
    public Optional<AssetRow> insert(Scope scope, NewAsset asset, PairOnInsert pairing) {
        return database.write(connection -> {
            Optional<AssetRow> row;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, PublicIds.next());
                AssetColumns.bindContent(insert, 2, asset);
                try (ResultSet rs = insert.executeQuery()) {
                    row = rs.next() ? Optional.of(AssetColumns.read(rs)) : Optional.empty();
                }
            }
            // In the same transaction: the app sees its new asset from the change that adds it.
            if (row.isPresent() && scope instanceof AppScope app) {
                SqlGrants.recordCreated(connection, app.app(), row.get().publicId());
            }
            // A Live Photo's half pairs here, as the scan would pair it: a listing right after
            // shows one Live Photo. A video that joined a photo the scope sees gives that photo.
            if (row.isPresent()) {
                switch (pairing) {
                    case PairOnInsert.ByRules rules -> {
                        Optional<String> photo =
                                CreationPairing.pairNew(connection, row.get().publicId());
                        if (photo.isPresent()) {
                            return CreationPairing.photoRow(connection, scope, photo.get())
                                    .or(() -> row);
                        }
                    }
                    case PairOnInsert.WithPhoto(String photo) ->
                        CreationPairing.pairWith(connection, row.get().publicId(), photo);
                    case PairOnInsert.None none -> {
                        // Its video copy follows and pairs with it.
                    }
                }
            }
            return row;
        });
    }

    /**
     * Whether an asset row, or a Live Photo's video, holds a name in a folder (its file may be gone
     * from disk).
     */
    public boolean nameTaken(long albumRowId, String filename) {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT 1 FROM assets WHERE album_id = ?1 AND filename = ?2"
                            // A Live Photo's video holds its name too, though it is no asset.
                            + " UNION ALL SELECT 1 FROM paired_videos WHERE album_id = ?1 AND filename = ?2")) {
                select.setLong(1, albumRowId);
                select.setString(2, filename);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Forgets assets whose files were just removed again (a copy undone), in one transaction;
     * their tombstones tell changesSince.
     */
    public void discard(Scope scope, Collection<String> publicIds) {
        if (publicIds.isEmpty()) {
            return;
        }
        deleteEach("DELETE FROM assets WHERE public_id = ?" + ScopeSql.and(scope, "assets"), publicIds);
    }

    /** The ids of {@code publicIds} that name no asset the scope sees (malformed ones included), in order. */
    public List<String> missingAssets(Scope scope, Collection<String> publicIds) {
        return database.read(connection -> missing(connection, scope, "assets", publicIds));
    }

    /** The ids of {@code publicIds} that name no trashed asset the scope sees, in order. */
    public List<String> missingFromTrash(Scope scope, Collection<String> publicIds) {
        return database.read(connection -> missing(connection, scope, "trash", publicIds));
    }

    /**
     * Moves asset rows to the trash table in one transaction: each asset row is deleted (its
     * tombstone tells changesSince) and its trash row keeps folder, name, metadata and favorite
     * flag. Fails, changing nothing, when any asset is gone meanwhile.
     *
     * @param trashNames the file name in the trash folder, by public id
     * @param videoTrashNames the same for the photos' Live Photo videos, whose files went to the
     *     trash with theirs and whose rows go in the same transaction (see {@link TrashedVideos})
     */
    public void trash(
            Scope scope, Map<String, String> trashNames, Map<String, String> videoTrashNames, long trashedAt) {
        database.write(connection -> {
            TrashedVideos.trash(connection, videoTrashNames, trashedAt);
            try (PreparedStatement copy = connection.prepareStatement("INSERT INTO trash (public_id, rel_path,"
                            + " trash_name, trashed_at, filename, " + KEPT + ") SELECT a.public_id, al.rel_path, ?, ?,"
                            + " a.filename, " + prefixed("a.", KEPT) + " FROM assets a JOIN albums al"
                            + " ON al.id = a.album_id WHERE a.public_id = ?" + ScopeSql.and(scope, "a"));
                    PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM assets WHERE public_id = ?" + ScopeSql.and(scope, "assets"))) {
                for (Map.Entry<String, String> entry : trashNames.entrySet()) {
                    copy.setString(1, entry.getValue());
                    copy.setLong(2, trashedAt);
                    copy.setString(3, entry.getKey());
                    delete.setString(1, entry.getKey());
                    if (copy.executeUpdate() != 1 || delete.executeUpdate() != 1) {
                        throw new StoreException(
                                ErrorCode.NOT_FOUND, "the asset " + entry.getKey() + " was removed meanwhile");
                    }
                }
            }
            return null;
        });
    }

    /**
     * Puts trashed assets back in one transaction, each with its id, into a folder under a name;
     * their tombstones stay, so changesSince reports them inserted to a token from while they were
     * trashed, and updated to one from before their deletion.
     *
     * @param places where each goes, by public id
     * @param videoPlaces where the Live Photo videos trashed with them go, by the video's id: paired
     *     with their photos again in the same transaction
     */
    public void restore(Scope scope, Map<String, Place> places, Map<String, Place> videoPlaces) {
        database.write(connection -> {
            TrashedVideos.restore(connection, videoPlaces);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO assets (public_id, album_id,"
                            + " filename, " + KEPT + ", generation_added, generation_modified) SELECT public_id, ?, ?, "
                            + KEPT + ", " + Journal.CURRENT_GENERATION + ", " + Journal.CURRENT_GENERATION
                            + " FROM trash WHERE public_id = ?" + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "trash"));
                    PreparedStatement forget = connection.prepareStatement("DELETE FROM trash WHERE public_id = ?"
                            + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "trash"))) {
                for (Map.Entry<String, Place> entry : places.entrySet()) {
                    insert.setLong(1, entry.getValue().albumRowId());
                    insert.setString(2, entry.getValue().filename());
                    insert.setString(3, entry.getKey());
                    if (insert.executeUpdate() != 1) {
                        throw new StoreException(
                                ErrorCode.NOT_FOUND, "the trashed asset " + entry.getKey() + " was purged meanwhile");
                    }
                    forget.setString(1, entry.getKey());
                    forget.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Renames an asset's row (its file was placed under another name than planned). */
    public void rename(Scope scope, String publicId, String filename) {
        database.write(connection -> {
            try (PreparedStatement rename = connection.prepareStatement("UPDATE assets SET filename = ?,"
                    + " generation_modified = " + Journal.CURRENT_GENERATION + " WHERE public_id = ?"
                    + ScopeSql.and(scope, "assets"))) {
                rename.setString(1, filename);
                rename.setString(2, publicId);
                rename.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Moves asset rows to other folders and names in one transaction, ids kept; each row is stamped
     * with the transaction's generation, so changesSince reports it updated. Fails, changing
     * nothing, when any asset is gone meanwhile.
     *
     * @param places where each goes, by public id
     */
    public void move(Scope scope, Map<String, Place> places) {
        move(scope, places, Map.of());
    }

    /** The video halves of trashed Live Photos. */
    public TrashedVideos trashedVideos() {
        return new TrashedVideos(database);
    }

    /** The Live Photo pairs of the index, for the writes that move or delete their videos too. */
    public LivePairs livePairs() {
        return new LivePairs(database);
    }

    /**
     * Moves asset rows, and the rows of the Live Photo videos that went with them ({@code
     * videoPlaces}, by the video's id), in one transaction. A video row gone meanwhile (a scan of
     * another process saw its file leave) is not an error: the next scan finds the file where it
     * went and pairs it again.
     */
    public void move(Scope scope, Map<String, Place> places, Map<String, Place> videoPlaces) {
        if (places.isEmpty()) {
            return;
        }
        database.write(connection -> {
            try (PreparedStatement video = connection.prepareStatement(
                    "UPDATE OR IGNORE paired_videos SET album_id = ?, filename = ? WHERE public_id = ?")) {
                for (Map.Entry<String, Place> entry : videoPlaces.entrySet()) {
                    video.setLong(1, entry.getValue().albumRowId());
                    video.setString(2, entry.getValue().filename());
                    video.setString(3, entry.getKey());
                    video.executeUpdate();
                }
            }
            try (PreparedStatement move = connection.prepareStatement("UPDATE assets SET album_id = ?, filename = ?,"
                            + " generation_modified = " + Journal.CURRENT_GENERATION + " WHERE public_id = ?"
                            + ScopeSql.and(scope, "assets"));
                    PreparedStatement free = connection.prepareStatement(FREE_PLACE)) {
                for (Map.Entry<String, Place> entry : places.entrySet()) {
                    // The file was placed under a name free on disk: a row holding that name
                    // describes a file gone meanwhile, or the placed file itself, indexed by a scan
                    // of another process before this commit.
                    freePlace(free, entry.getKey(), entry.getValue());
                    move.setLong(1, entry.getValue().albumRowId());
                    move.setString(2, entry.getValue().filename());
                    move.setString(3, entry.getKey());
                    if (move.executeUpdate() != 1) {
                        throw new StoreException(
                                ErrorCode.NOT_FOUND, "the asset " + entry.getKey() + " was removed meanwhile");
                    }
                }
            }
            return null;
        });
    }

    /** The public ids of the assets the scope sees directly in a folder (not in its subfolders). */
    public List<String> assetIdsIn(Scope scope, long albumRowId) {
        return database.read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT public_id FROM assets"
                    + " WHERE album_id = ?" + ScopeSql.and(scope, "assets") + " ORDER BY id")) {
                select.setLong(1, albumRowId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Forgets trash rows (their files are deleted afterwards) in one transaction. */
    public void forgetTrash(Scope scope, Collection<String> publicIds) {
        if (publicIds.isEmpty()) {
            return;
        }
        deleteEach(
                "DELETE FROM trash WHERE public_id = ?" + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "trash"), publicIds);
    }

    /** Runs a delete by public id for each id, in one transaction. */
    private void deleteEach(String sql, Collection<String> publicIds) {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                for (String id : publicIds) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Trash rows by public id, for the ids that have one the scope sees. */
    public Map<String, TrashRow> trashed(Scope scope, Collection<String> publicIds) {
        return database.read(connection -> {
            Map<String, TrashRow> rows = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    TRASH_SELECT + " WHERE public_id = ?" + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "trash"))) {
                for (String id : publicIds) {
                    select.setString(1, id);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            rows.put(id, trashRow(rs));
                        }
                    }
                }
            }
            return rows;
        });
    }

    /** Every trash row the scope sees trashed before {@code trashedBefore} (epoch ms), oldest first. */
    public List<TrashRow> trashedBefore(Scope scope, long trashedBefore) {
        return database.read(connection -> {
            List<TrashRow> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(TRASH_SELECT + " WHERE trashed_at < ?"
                    + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "trash") + " ORDER BY trashed_at")) {
                select.setLong(1, trashedBefore);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(trashRow(rs));
                    }
                }
            }
            return rows;
        });
    }

    /** Where an asset is, for a public id of an asset the scope sees: the folder's row and the name. */
    public Optional<Place> placeOf(Scope scope, String publicId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT album_id, filename FROM assets WHERE public_id = ?" + ScopeSql.and(scope, "assets"))) {
                select.setString(1, publicId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Place(rs.getLong(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /** An asset's folder row and file name. */
    public record Place(long albumRowId, String filename) {}

    private static Optional<AlbumRow> folderRow(Connection connection, String relPath) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id, public_id, rel_path, title FROM albums WHERE rel_path = ?")) {
            select.setString(1, relPath);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new AlbumRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    private static List<String> missing(Connection connection, Scope scope, String table, Collection<String> publicIds)
            throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE public_id = ?"
                + ScopeSql.and(scope, table.equals("trash") ? ScopeSql.Rows.TRASH : ScopeSql.Rows.ASSETS, table))) {
            for (String id : publicIds) {
                if (!PublicIds.looksValid(id)) {
                    missing.add(String.valueOf(id));
                    continue;
                }
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(id);
                    }
                }
            }
        }
        return missing;
    }

    private static void freePlace(PreparedStatement free, String publicId, Place place) throws SQLException {
        free.setLong(1, place.albumRowId());
        free.setString(2, place.filename());
        free.setString(3, publicId);
        free.executeUpdate();
    }

    private static TrashRow trashRow(ResultSet rs) throws SQLException {
        return new TrashRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
    }

    private static String prefixed(String prefix, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",")) {
            out.append(out.isEmpty() ? "" : ", ").append(prefix).append(column.strip());
        }
        return out.toString();
    }
}
