package dev.camroll.core.store;

import dev.camroll.api.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The video halves of trashed Live Photos ({@code trashed_videos}, see V16__pairs.sql). A delete
 * moves a paired video's row here in the transaction that trashes its photo, a restore moves it
 * back to {@code paired_videos} in the one that restores the photo, and a purge forgets it with
 * its photo: the two halves go and come together, and the trash lists the photo alone.
 */
public final class TrashedVideos {
    private static final String SELECT =
            "SELECT public_id, photo_public_id, trash_name, trashed_at, rel_path, filename FROM trashed_videos";

    private final Database database;

    public TrashedVideos(Database database) {
        this.database = database;
    }

    /** The trashed videos of these trashed photos. */
    public List<TrashedVideo> ofPhotos(Collection<String> photoPublicIds) {
        return database.read(connection -> {
            List<TrashedVideo> videos = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE photo_public_id = ?")) {
                for (String photo : photoPublicIds) {
                    select.setString(1, photo);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            videos.add(row(rs));
                        }
                    }
                }
            }
            return videos;
        });
    }

    /** Every trashed video, by its own id. */
    public Map<String, TrashedVideo> all() {
        return database.read(connection -> {
            Map<String, TrashedVideo> videos = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    TrashedVideo video = row(rs);
                    videos.put(video.publicId(), video);
                }
            }
            return videos;
        });
    }

    /** Forgets trashed videos (purged with their photos, or whose files are gone) in one transaction. */
    public void forget(Collection<String> videoPublicIds) {
        if (videoPublicIds.isEmpty()) {
            return;
        }
        database.write(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM trashed_videos WHERE public_id = ?")) {
                for (String id : videoPublicIds) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * A trashed video whose photo is no longer in the trash (its trash row was forgotten, its
     * file being gone) becomes a trashed asset of its own, with its id: never lost unseen. How
     * many.
     */
    public int unpairOrphans() {
        String orphans = " FROM trashed_videos v WHERE NOT EXISTS (SELECT 1 FROM trash WHERE public_id ="
                + " v.photo_public_id) AND NOT EXISTS (SELECT 1 FROM assets WHERE public_id = v.public_id)";
        return database.write(connection -> {
            try (PreparedStatement adopt = connection.prepareStatement("INSERT OR IGNORE INTO trash (public_id,"
                            + " rel_path, trash_name, trashed_at, filename, " + LivePairs.KEPT + ") SELECT public_id,"
                            + " rel_path, trash_name, trashed_at, filename, " + LivePairs.KEPT + orphans);
                    PreparedStatement forget = connection.prepareStatement(
                            "DELETE FROM trashed_videos WHERE public_id IN (SELECT public_id" + orphans + ")")) {
                int adopted = adopt.executeUpdate();
                forget.executeUpdate();
                return adopted;
            }
        });
    }

    /**
     * Within a delete's transaction: the paired videos' rows leave {@code paired_videos} for the
     * trash, each under its trash name. A row gone meanwhile is passed over: its file's sidecar
     * lets the next open take it back.
     *
     * @param trashNames the file name in the trash folder, by the video's id
     */
    static void trash(Connection connection, Map<String, String> trashNames, long trashedAt) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO trashed_videos (public_id,"
                        + " photo_public_id, trash_name, trashed_at, rel_path, filename, " + LivePairs.KEPT
                        + ") SELECT v.public_id, v.photo_public_id, ?, ?, al.rel_path, v.filename, "
                        + prefixed(LivePairs.KEPT) + " FROM paired_videos v JOIN albums al ON al.id = v.album_id"
                        + " WHERE v.public_id = ?");
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM paired_videos WHERE public_id = ?")) {
            for (Map.Entry<String, String> entry : trashNames.entrySet()) {
                copy.setString(1, entry.getValue());
                copy.setLong(2, trashedAt);
                copy.setString(3, entry.getKey());
                if (copy.executeUpdate() == 1) {
                    delete.setString(1, entry.getKey());
                    delete.executeUpdate();
                }
            }
        }
    }

    /**
     * Within a restore's transaction: trashed videos go back to {@code paired_videos}, paired with
     * their photos again, each into a folder under a name. Fails when one was purged meanwhile.
     */
    static void restore(Connection connection, Map<String, WriteStore.Place> places) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO paired_videos (public_id,"
                        + " photo_public_id, album_id, filename, " + LivePairs.KEPT + ") SELECT public_id,"
                        + " photo_public_id, ?, ?, " + LivePairs.KEPT + " FROM trashed_videos WHERE public_id = ?");
                PreparedStatement forget =
                        connection.prepareStatement("DELETE FROM trashed_videos WHERE public_id = ?")) {
            for (Map.Entry<String, WriteStore.Place> entry : places.entrySet()) {
                insert.setLong(1, entry.getValue().albumRowId());
                insert.setString(2, entry.getValue().filename());
                insert.setString(3, entry.getKey());
                if (insert.executeUpdate() != 1) {
                    throw new StoreException(
                            ErrorCode.NOT_FOUND, "the trashed video " + entry.getKey() + " was purged meanwhile");
                }
                forget.setString(1, entry.getKey());
                forget.executeUpdate();
            }
        }
    }

    private static String prefixed(String columns) {
        return "v." + columns.replace(", ", ", v.");
    }

    private static TrashedVideo row(ResultSet rs) throws SQLException {
        return new TrashedVideo(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6));
    }
}
