package dev.camroll.core.store;

import dev.camroll.api.MediaType;
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
 * The Live Photos of the index: which MOV is the video half of which photo. A paired video leaves
 * {@code assets} for {@code paired_videos} (see V15__live.sql), so that nothing that lists or
 * counts assets meets it; it is reached only through its photo, by whoever sees the photo.
 *
 * <p>The rules (docs/ARCHITECTURE.md, "Live Photos"): a MOV and a photo pair when both carry the
 * same content identifier; else, when one of them carries none, when they share their base name
 * in one folder and the video is no longer than {@link #NAME_RULE_LONGEST_SECONDS} (a Live
 * Photo's video lasts about 3 s; a long clip next to a photo of its name is a video of its own).
 * A photo has at most one video, a video at most one photo.
 */
public final class LivePairs {
    /** The longest video the base-name rule pairs. */
    public static final double NAME_RULE_LONGEST_SECONDS = 10;

    static final String MOV = "MOV";
    static final int PHOTO = MediaTypeCode.of(MediaType.PHOTO);
    static final int VIDEO = MediaTypeCode.of(MediaType.VIDEO);
    static final String KEPT = "media_type, format, subtypes, width, height, orientation, creation_time,"
            + " modification_time, duration, file_size, latitude, longitude, camera_make, camera_model,"
            + " is_favorite, warnings, content_key, reader_version, content_identifier";

    private static final String ORPHANS = " FROM paired_videos v WHERE NOT EXISTS (SELECT 1 FROM assets WHERE"
            + " public_id = v.photo_public_id) AND NOT EXISTS (SELECT 1 FROM trash WHERE public_id = v.photo_public_id)";

    private final Database database;

    public LivePairs(Database database) {
        this.database = database;
    }

    /**
     * Pairs the unpaired MOVs of these folders, and those whose identifier a photo of these folders
     * carries, with their photos; and gives back its own row to each paired video whose photo is
     * neither an asset nor in the trash any more. One transaction.
     *
     * @return how many pairs were made
     */
    public int settle(Collection<Long> albumRowIds) {
        return database.write(connection -> {
            unpairOrphans(connection);
            int paired = 0;
            for (Candidate video : candidates(connection, albumRowIds)) {
                String photo = photoFor(connection, video);
                if (photo != null && pair(connection, video, photo)) {
                    paired++;
                }
            }
            return paired;
        });
    }

    /** The paired videos of these photos, whatever their state (assets or trashed), in no scope. */
    public List<PairedVideo> videosOf(Collection<String> photoPublicIds) {
        return database.read(connection -> {
            List<PairedVideo> videos = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT v.public_id, v.album_id, al.rel_path,"
                    + " v.filename, v.format, v.file_size, v.modification_time, v.duration FROM paired_videos v"
                    + " JOIN albums al ON al.id = v.album_id WHERE v.photo_public_id = ?")) {
                for (String photo : photoPublicIds) {
                    select.setString(1, photo);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            videos.add(new PairedVideo(
                                    rs.getString(1),
                                    photo,
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getLong(6),
                                    rs.getLong(7),
                                    rs.getDouble(8)));
                        }
                    }
                }
            }
            return videos;
        });
    }

    /** A paired video by its own id (the move journal's rollback looks its place up by it). */
    public Optional<PairedVideo> video(String videoPublicId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT v.photo_public_id, v.album_id,"
                    + " al.rel_path, v.filename, v.format, v.file_size, v.modification_time, v.duration"
                    + " FROM paired_videos v JOIN albums al ON al.id = v.album_id WHERE v.public_id = ?")) {
                select.setString(1, videoPublicId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PairedVideo(
                            videoPublicId,
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getDouble(8)));
                }
            }
        });
    }

    /** Renames a paired video's row (its file was put back under another name than planned). */
    public void rename(String videoPublicId, String filename) {
        database.write(connection -> {
            try (PreparedStatement rename =
                    connection.prepareStatement("UPDATE paired_videos SET filename = ? WHERE public_id = ?")) {
                rename.setString(1, filename);
                rename.setString(2, videoPublicId);
                rename.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets paired videos whose files were deleted with their photo (a purge). */
    public void forget(Collection<String> videoPublicIds) {
        if (videoPublicIds.isEmpty()) {
            return;
        }
        database.write(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM paired_videos WHERE public_id = ?")) {
                for (String id : videoPublicIds) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Whether a paired video's photo is gone (neither an asset nor trashed): one to unpair. */
    public boolean hasOrphans() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1" + ORPHANS + " LIMIT 1");
                    ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** The paired video of a photo the scope sees; empty when it has none. */
    public Optional<PairedVideo> videoOf(Scope scope, String photoPublicId) {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT v.public_id, v.album_id, al.rel_path, v.filename,"
                            + " v.format, v.file_size, v.modification_time, v.duration FROM assets a"
                            + " JOIN paired_videos v ON v.photo_public_id = a.public_id JOIN albums al ON al.id = v.album_id"
                            + " WHERE a.public_id = ?" + ScopeSql.and(scope, "a"))) {
                select.setString(1, photoPublicId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PairedVideo(
                            rs.getString(1),
                            photoPublicId,
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getDouble(8)));
                }
            }
        });
    }

    /** The unpaired MOVs worth a look: those of the folders, and those a photo there names. */
    private static List<Candidate> candidates(Connection connection, Collection<Long> albumRowIds) throws SQLException {
        Map<String, Candidate> found = new LinkedHashMap<>();
        try (PreparedStatement inFolder = connection.prepareStatement("SELECT id, public_id, album_id, filename,"
                        + " duration, content_identifier FROM assets WHERE album_id = ? AND media_type = " + VIDEO
                        + " AND format = '" + MOV + "'");
                PreparedStatement named = connection.prepareStatement("SELECT v.id, v.public_id, v.album_id,"
                        + " v.filename, v.duration, v.content_identifier FROM assets p JOIN assets v"
                        + " ON v.content_identifier = p.content_identifier WHERE p.album_id = ?"
                        + " AND p.media_type = " + PHOTO + " AND p.content_identifier IS NOT NULL"
                        + " AND v.media_type = " + VIDEO + " AND v.format = '" + MOV + "'")) {
            for (long album : albumRowIds) {
                for (PreparedStatement statement : List.of(inFolder, named)) {
                    statement.setLong(1, album);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            Candidate candidate = new Candidate(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getDouble(5),
                                    rs.getString(6));
                            found.putIfAbsent(candidate.publicId(), candidate);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The unpaired photo of this video: by identifier first, then by base name. */
    static String photoFor(Connection connection, Candidate video) throws SQLException {
        if (video.contentIdentifier() != null) {
            try (PreparedStatement byId = connection.prepareStatement("SELECT public_id FROM assets"
                    + " WHERE content_identifier = ? AND media_type = " + PHOTO
                    + " AND NOT EXISTS (SELECT 1 FROM paired_videos WHERE photo_public_id = assets.public_id)"
                    + " ORDER BY album_id <> ?, id LIMIT 1")) {
                byId.setString(1, video.contentIdentifier());
                byId.setLong(2, video.albumRowId());
                try (ResultSet rs = byId.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
        }
        if (video.duration() > NAME_RULE_LONGEST_SECONDS) {
            return null;
        }
        String base = baseName(video.filename());
        // The name's range of the (album_id, filename) index: "IMG_0001." up to "IMG_0001/".
        try (PreparedStatement byName = connection.prepareStatement("SELECT public_id, filename, content_identifier"
                + " FROM assets WHERE album_id = ? AND filename >= ? AND filename < ? AND media_type = " + PHOTO
                + " AND NOT EXISTS (SELECT 1 FROM paired_videos WHERE photo_public_id = assets.public_id)"
                + " ORDER BY id")) {
            byName.setLong(1, video.albumRowId());
            byName.setString(2, base + ".");
            byName.setString(3, base + "/");
            try (ResultSet rs = byName.executeQuery()) {
                while (rs.next()) {
                    String identifier = rs.getString(3);
                    boolean sameBase = baseName(rs.getString(2)).equals(base);
                    boolean identifiersAgree = identifier == null
                            || video.contentIdentifier() == null
                            || identifier.equals(video.contentIdentifier());
                    if (sameBase && identifiersAgree) {
                        return rs.getString(1);
                    }
                }
            }
        }
        return null;
    }

    /** Moves the video's row to paired_videos and marks the photo changed; false when either moved on. */
    static boolean pair(Connection connection, Candidate video, String photoPublicId) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement("INSERT OR IGNORE INTO paired_videos (public_id,"
                        + " photo_public_id, album_id, filename, " + KEPT
                        + ") SELECT public_id, ?, album_id, filename, "
                        + KEPT + " FROM assets WHERE id = ? AND public_id = ?");
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM assets WHERE id = ? AND public_id = ?");
                PreparedStatement touch = photoTouch(connection)) {
            copy.setString(1, photoPublicId);
            copy.setLong(2, video.rowId());
            copy.setString(3, video.publicId());
            if (copy.executeUpdate() != 1) {
                return false;
            }
            delete.setLong(1, video.rowId());
            delete.setString(2, video.publicId());
            delete.executeUpdate();
            touch.setString(1, photoPublicId);
            touch.executeUpdate();
            return true;
        }
    }

    /**
     * A paired video whose photo is neither an asset nor trashed (its file deleted on disk, or
     * purged) is a video of its own again, with its id.
     */
    private static void unpairOrphans(Connection connection) throws SQLException {
        String orphans = ORPHANS;
        try (PreparedStatement restore = connection.prepareStatement("INSERT OR IGNORE INTO assets (public_id,"
                        + " album_id, filename, " + KEPT + ", generation_added, generation_modified) SELECT public_id,"
                        + " album_id, filename, " + KEPT + ", " + Journal.CURRENT_GENERATION + ", "
                        + Journal.CURRENT_GENERATION + orphans);
                PreparedStatement forget = connection.prepareStatement(
                        "DELETE FROM paired_videos WHERE public_id IN (SELECT public_id" + orphans + ")")) {
            restore.executeUpdate();
            forget.executeUpdate();
        }
    }

    /** Marks a photo changed: its asset info (its paired video) is not what it was. */
    static PreparedStatement photoTouch(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "UPDATE assets SET generation_modified = " + Journal.CURRENT_GENERATION + " WHERE public_id = ?");
    }

    /** A name without its last extension. */
    public static String baseName(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot <= 0 ? filename : filename.substring(0, dot);
    }

    record Candidate(
            long rowId, String publicId, long albumRowId, String filename, double duration, String contentIdentifier) {}
}
