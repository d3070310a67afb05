package dev.camroll.core.store;

import dev.camroll.core.access.Scope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trash with what each trashed asset was: its trash row read as an asset row (the trash keeps
 * the columns an asset row has), most recently deleted first, paged by position (deletion time,
 * then public id, both descending), so that a page does not move when older items are purged.
 */
public final class TrashListing {
    /** An asset row's columns (row id 0: a trash row has none) and then the trash's own. */
    private static final String SELECT = "SELECT 0, t.public_id, COALESCE(al.id, -1), t.filename, t.media_type,"
            + " t.format, t.subtypes, t.width, t.height, t.orientation, t.creation_time, t.modification_time,"
            + " t.duration, t.file_size, t.latitude, t.longitude, t.camera_make, t.camera_model, t.is_favorite,"
            + " t.warnings, al.public_id, t.trash_name, t.trashed_at FROM trash t"
            + " LEFT JOIN albums al ON al.rel_path = t.rel_path";

    private final Database database;

    public TrashListing(Database database) {
        this.database = database;
    }

    /**
     * A trashed asset: the row it had (its {@code albumRowId} is -1 when the folder it came from is
     * no longer known), the album it returns to (null then), its file's name in the trash folder.
     */
    public record TrashedRow(AssetRow asset, String albumId, String trashName, long trashedAt) {}

    /** Where a page ends: the last item's deletion time and id. */
    public record Position(long trashedAt, String publicId) {}

    /** Up to {@code limit} trashed assets the scope sees, after {@code after} (null: from the newest). */
    public List<TrashedRow> page(Scope scope, int limit, Position after) {
        String sql = SELECT + " WHERE 1" + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "t")
                + (after == null ? "" : " AND (t.trashed_at < ? OR (t.trashed_at = ? AND t.public_id < ?))")
                + " ORDER BY t.trashed_at DESC, t.public_id DESC LIMIT ?";
        return database.read(connection -> {
            List<TrashedRow> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int next = 1;
                if (after != null) {
                    select.setLong(next++, after.trashedAt());
                    select.setLong(next++, after.trashedAt());
                    select.setString(next++, after.publicId());
                }
                select.setInt(next, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
            }
            return rows;
        });
    }

    /** How many trashed assets the scope sees. */
    public long count(Scope scope) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT COUNT(*) FROM trash t WHERE 1" + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "t"));
                    ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The trashed asset of a public id, when the scope sees it. */
    public Optional<TrashedRow> byPublicId(Scope scope, String publicId) {
        if (!PublicIds.looksValid(publicId)) {
            return Optional.empty();
        }
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT + " WHERE t.public_id = ?" + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "t"))) {
                select.setString(1, publicId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static TrashedRow read(ResultSet rs) throws SQLException {
        return new TrashedRow(AssetColumns.read(rs), rs.getString(21), rs.getString(22), rs.getLong(23));
    }
}
