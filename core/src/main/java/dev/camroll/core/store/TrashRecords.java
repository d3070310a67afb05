package dev.camroll.core.store;

import dev.camroll.core.access.Scope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a trashed asset's sidecar holds, as column values in text, and the way back: the index
 * takes a sidecar's asset back as trashed (a new, emptied or replaced index), with its id.
 */
public final class TrashRecords {
    /** The columns a trash row keeps besides its id, trash name and time; content_key in hex. */
    public static final List<String> COLUMNS = List.of(
            "rel_path",
            "filename",
            "media_type",
            "format",
            "subtypes",
            "width",
            "height",
            "orientation",
            "creation_time",
            "modification_time",
            "duration",
            "file_size",
            "latitude",
            "longitude",
            "camera_make",
            "camera_model",
            "is_favorite",
            "warnings",
            "content_key",
            "burst_id");

    /**
     * The columns the sidecar of a Live Photo's trashed video keeps: those of {@link #COLUMNS} a
     * paired video has (no burst id), and its content identifier.
     */
    public static final List<String> VIDEO_COLUMNS = java.util.stream.Stream.concat(
                    COLUMNS.stream().filter(column -> !column.equals("burst_id")),
                    java.util.stream.Stream.of("content_identifier"))
            .toList();

    private static final String BLOB_COLUMN = "content_key";

    private final Database database;

    public TrashRecords(Database database) {
        this.database = database;
    }

    /** The columns of asset rows (those that exist and the scope sees), by public id; nulls left out. */
    public Map<String, Map<String, String>> ofAssets(Scope scope, Collection<String> publicIds) {
        return select(
                "SELECT a.public_id, al.rel_path, a." + String.join(", a.", COLUMNS.subList(1, COLUMNS.size()))
                        + " FROM assets a JOIN albums al ON al.id = a.album_id WHERE a.public_id = ?"
                        + ScopeSql.and(scope, "a"),
                publicIds);
    }

    /** The columns of trash rows (those that exist and the scope sees), by public id; nulls left out. */
    public Map<String, Map<String, String>> ofTrash(Scope scope, Collection<String> publicIds) {
        return select(
                "SELECT public_id, " + String.join(", ", COLUMNS) + " FROM trash WHERE public_id = ?"
                        + ScopeSql.and(scope, ScopeSql.Rows.TRASH, "trash"),
                publicIds);
    }

    /** The columns ({@link #VIDEO_COLUMNS}) of Live Photos' paired videos, by the video's id. */
    public Map<String, Map<String, String>> ofPairedVideos(Collection<String> videoPublicIds) {
        return select(
                "SELECT v.public_id, al.rel_path, v."
                        + String.join(", v.", VIDEO_COLUMNS.subList(1, VIDEO_COLUMNS.size()))
                        + " FROM paired_videos v JOIN albums al ON al.id = v.album_id WHERE v.public_id = ?",
                videoPublicIds,
                VIDEO_COLUMNS);
    }

    /**
     * Takes a Live Photo's trashed video back into {@code trashed_videos} from what its sidecar
     * says, beside its photo, when that photo is in the trash without a video and the index knows
     * the video's id nowhere; whether it was taken. Like {@link #adopt}, for no caller.
     */
    public boolean adoptVideo(
            String publicId, String photoPublicId, String trashName, long trashedAt, Map<String, String> columns) {
        if (!PublicIds.looksValid(publicId) || columns.get("rel_path") == null || columns.get("filename") == null) {
            return false;
        }
        String sql = "INSERT INTO trashed_videos (public_id, photo_public_id, trash_name, trashed_at, "
                + String.join(", ", VIDEO_COLUMNS) + ") SELECT ?1, ?2, ?3, ?4" + ", ?".repeat(VIDEO_COLUMNS.size())
                + " WHERE EXISTS (SELECT 1 FROM trash WHERE public_id = ?2)"
                + " AND NOT EXISTS (SELECT 1 FROM trashed_videos WHERE public_id = ?1 OR photo_public_id = ?2"
                + " OR trash_name = ?3)"
                + " AND NOT EXISTS (SELECT 1 FROM assets WHERE public_id = ?1)"
                + " AND NOT EXISTS (SELECT 1 FROM paired_videos WHERE public_id = ?1)"
                + " AND NOT EXISTS (SELECT 1 FROM trash WHERE public_id = ?1 OR trash_name = ?3)";
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, publicId);
                insert.setString(2, photoPublicId);
                insert.setString(3, trashName);
                insert.setLong(4, trashedAt);
                bind(insert, 5, VIDEO_COLUMNS, columns);
                return insert.executeUpdate() == 1;
            }
        });
    }

    /**
     * Takes an asset back into the trash table from what its sidecar says, unless the index knows
     * the id already (as an asset or as trashed); whether it was taken. Takes no scope: it is the
     * library rebuilding its own index from its own files at open, for no caller.
     */
    public boolean adopt(String publicId, String trashName, long trashedAt, Map<String, String> columns) {
        if (!PublicIds.looksValid(publicId)) {
            return false;
        }
        String sql = "INSERT INTO trash (public_id, trash_name, trashed_at, " + String.join(", ", COLUMNS)
                + ") SELECT ?, ?, ?" + ", ?".repeat(COLUMNS.size())
                + " WHERE NOT EXISTS (SELECT 1 FROM assets WHERE public_id = ?1)"
                + " AND NOT EXISTS (SELECT 1 FROM trash WHERE public_id = ?1 OR trash_name = ?2)";
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, publicId);
                insert.setString(2, trashName);
                insert.setLong(3, trashedAt);
                bind(insert, 4, COLUMNS, columns);
                return insert.executeUpdate() == 1;
            }
        });
    }

    private static void bind(PreparedStatement insert, int first, List<String> names, Map<String, String> columns)
            throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String value = columns.get(names.get(i));
            if (value == null) {
                insert.setNull(first + i, java.sql.Types.NULL);
            } else if (names.get(i).equals(BLOB_COLUMN)) {
                insert.setBytes(first + i, HexFormat.of().parseHex(value));
            } else {
                // The columns' affinity turns numbers in text back into numbers.
                insert.setString(first + i, value);
            }
        }
    }

    private Map<String, Map<String, String>> select(String sql, Collection<String> publicIds) {
        return select(sql, publicIds, COLUMNS);
    }

    private Map<String, Map<String, String>> select(String sql, Collection<String> publicIds, List<String> names) {
        return database.read(connection -> {
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (String id : publicIds) {
                    select.setString(1, id);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            rows.put(id, columns(rs, names));
                        }
                    }
                }
            }
            return rows;
        });
    }

    private static Map<String, String> columns(ResultSet rs, List<String> names) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Object value = rs.getObject(2 + i);
            if (value instanceof byte[] bytes) {
                values.put(names.get(i), HexFormat.of().formatHex(bytes));
            } else if (value != null) {
                // Double.toString keeps every bit of a REAL, which SQLite reads back exactly.
                values.put(names.get(i), value.toString());
            }
        }
        return values;
    }
}
