package dev.camroll.core.store;

import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.core.metadata.ContentKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The one place that maps asset columns to {@link AssetRow} and back. */
final class AssetColumns {
    static final String SELECT = "id, public_id, album_id, filename, media_type, format, subtypes, width, height,"
            + " orientation, creation_time, modification_time, duration, file_size, latitude, longitude,"
            + " camera_make, camera_model, is_favorite, warnings";

    /** The columns {@link #bindContent} fills, in order. */
    static final String CONTENT = "album_id, filename, media_type, format, subtypes, width, height, orientation,"
            + " creation_time, modification_time, duration, file_size, latitude, longitude, camera_make,"
            + " camera_model, warnings, content_key, reader_version, burst_id, content_identifier";

    static final int CONTENT_COUNT = CONTENT.split(",").length;

    /**
     * A new row (parameters: public id, then the {@link #CONTENT} columns), or, when a row with
     * the same fingerprint (size and modification time) holds the place already, that row: it was
     * written for the same file by another process after this one looked (a write and a scan that
     * both saw the new file), and keeps its id and favorite flag. A row of another file under that
     * name (an asset whose file is still on its way there) is left alone, and nothing is returned.
     * Append a RETURNING clause.
     */
    static final String INSERT_OR_ADOPT = "INSERT INTO assets (public_id, " + CONTENT
            + ", generation_added, generation_modified) VALUES (?" + ", ?".repeat(CONTENT_COUNT) + ", "
            + Journal.CURRENT_GENERATION + ", " + Journal.CURRENT_GENERATION + ")"
            + " ON CONFLICT (album_id, filename) DO UPDATE SET " + excludedAssignments(CONTENT)
            + ", generation_modified = " + Journal.CURRENT_GENERATION
            + " WHERE assets.file_size = excluded.file_size"
            + " AND assets.modification_time = excluded.modification_time";

    private static final String WARNING_SEPARATOR = "\n";

    private AssetColumns() {}

    static AssetRow read(ResultSet rs) throws SQLException {
        double latitude = rs.getDouble(15);
        boolean hasLocation = !rs.wasNull();
        double longitude = rs.getDouble(16);
        hasLocation &= !rs.wasNull();
        String warnings = rs.getString(20);
        return new AssetRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                MediaTypeCode.from(rs.getInt(5)),
                rs.getString(6),
                parseSubtypes(rs.getString(7)),
                rs.getInt(8),
                rs.getInt(9),
                rs.getInt(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getDouble(13),
                rs.getLong(14),
                hasLocation ? new Location(latitude, longitude) : null,
                rs.getString(17),
                rs.getString(18),
                rs.getInt(19) != 0,
                warnings == null || warnings.isEmpty() ? List.of() : List.of(warnings.split(WARNING_SEPARATOR)));
    }

    /** Binds the {@link #CONTENT} columns starting at parameter {@code first}; returns the next index. */
    static int bindContent(PreparedStatement statement, int first, NewAsset asset) throws SQLException {
        int i = first;
        statement.setLong(i++, asset.albumRowId());
        statement.setString(i++, asset.filename());
        statement.setInt(i++, MediaTypeCode.of(asset.mediaType()));
        statement.setString(i++, asset.format());
        statement.setString(i++, formatSubtypes(asset.subtypes()));
        statement.setInt(i++, asset.width());
        statement.setInt(i++, asset.height());
        statement.setInt(i++, asset.orientation());
        statement.setLong(i++, asset.creationTime());
        statement.setLong(i++, asset.modificationTime());
        statement.setDouble(i++, asset.duration());
        statement.setLong(i++, asset.fileSize());
        if (asset.location() == null) {
            statement.setNull(i++, Types.REAL);
            statement.setNull(i++, Types.REAL);
        } else {
            statement.setDouble(i++, asset.location().latitude());
            statement.setDouble(i++, asset.location().longitude());
        }
        statement.setString(i++, asset.cameraMake());
        statement.setString(i++, asset.cameraModel());
        statement.setString(i++, asset.warnings().isEmpty() ? null : String.join(WARNING_SEPARATOR, asset.warnings()));
        bindKey(statement, i++, asset.contentKey());
        statement.setInt(i++, asset.readerVersion());
        statement.setString(i++, asset.burstId());
        statement.setString(i++, asset.contentIdentifier());
        return i;
    }

    /** "a = excluded.a, b = excluded.b" for a column list. */
    private static String excludedAssignments(String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",")) {
            out.append(out.isEmpty() ? "" : ", ")
                    .append(column.strip())
                    .append(" = excluded.")
                    .append(column.strip());
        }
        return out.toString();
    }

    /** Binds a content key, or NULL for none. */
    static void bindKey(PreparedStatement statement, int index, ContentKey key) throws SQLException {
        if (key == null) {
            statement.setNull(index, Types.BLOB);
        } else {
            statement.setBytes(index, key.toBytes());
        }
    }

    static String formatSubtypes(Set<MediaSubtype> subtypes) {
        StringBuilder out = new StringBuilder();
        for (MediaSubtype subtype : MediaSubtype.values()) {
            if (subtypes.contains(subtype)) {
                out.append(out.isEmpty() ? "" : ",").append(subtype.wireName());
            }
        }
        return out.toString();
    }

    private static Set<MediaSubtype> parseSubtypes(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        EnumSet<MediaSubtype> subtypes = EnumSet.noneOf(MediaSubtype.class);
        for (String name : text.split(",")) {
            for (MediaSubtype subtype : MediaSubtype.values()) {
                if (subtype.wireName().equals(name)) {
                    subtypes.add(subtype);
                }
            }
            // A subtype this version does not know (written by a newer one) is left out.
        }
        return subtypes;
    }
}
