package dev.camroll.core.store;

import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Live Photo's half created through the API pairs in the transaction that indexes it, by the
 * rules of {@link LivePairs}, so that a listing right after the creation shows one Live Photo, not
 * a photo and a video. Only the new file's own candidates are looked at, never its whole folder.
 */
final class CreationPairing {
    private CreationPairing() {}

    /**
     * Within the transaction that indexes a file a creation placed: pairs it, as the scan would,
     * with its other half, an unpaired MOV or photo already indexed beside it (by base name) or
     * anywhere (by content identifier). Looks at the new file's candidates alone, not at its
     * whole folder. The photo's id when the new file is a video that joined one.
     */
    static Optional<String> pairNew(Connection connection, String publicId) throws SQLException {
        LivePairs.Candidate created;
        int mediaType;
        String format;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, public_id, album_id, filename,"
                + " duration, content_identifier, media_type, format FROM assets WHERE public_id = ?")) {
            select.setString(1, publicId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                created = candidate(rs);
                mediaType = rs.getInt(7);
                format = rs.getString(8);
            }
        }
        if (mediaType == LivePairs.VIDEO && LivePairs.MOV.equals(format)) {
            String photo = LivePairs.photoFor(connection, created);
            return photo != null && LivePairs.pair(connection, created, photo) ? Optional.of(photo) : Optional.empty();
        }
        if (mediaType == LivePairs.PHOTO) {
            for (LivePairs.Candidate video : videosFor(connection, created)) {
                String photo = LivePairs.photoFor(connection, video);
                if (publicId.equals(photo) && LivePairs.pair(connection, video, photo)) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /** The unpaired MOVs a new photo may take: of its identifier, then of its base name in its folder. */
    private static List<LivePairs.Candidate> videosFor(Connection connection, LivePairs.Candidate photo)
            throws SQLException {
        Map<String, LivePairs.Candidate> found = new LinkedHashMap<>();
        String base = LivePairs.baseName(photo.filename());
        try (PreparedStatement byId = connection.prepareStatement("SELECT id, public_id, album_id, filename,"
                        + " duration, content_identifier FROM assets WHERE content_identifier = ? AND media_type = "
                        + LivePairs.VIDEO + " AND format = '" + LivePairs.MOV + "' ORDER BY album_id <> ?, id");
                PreparedStatement byName = connection.prepareStatement("SELECT id, public_id, album_id, filename,"
                        + " duration, content_identifier FROM assets WHERE album_id = ? AND filename >= ?"
                        + " AND filename < ? AND media_type = " + LivePairs.VIDEO + " AND format = '" + LivePairs.MOV
                        + "' ORDER BY id")) {
            if (photo.contentIdentifier() != null) {
                byId.setString(1, photo.contentIdentifier());
                byId.setLong(2, photo.albumRowId());
                collect(byId, found);
            }
            byName.setLong(1, photo.albumRowId());
            byName.setString(2, base + ".");
            byName.setString(3, base + "/");
            collect(byName, found);
        }
        return new ArrayList<>(found.values());
    }

    private static void collect(PreparedStatement statement, Map<String, LivePairs.Candidate> found)
            throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                LivePairs.Candidate candidate = candidate(rs);
                found.putIfAbsent(candidate.publicId(), candidate);
            }
        }
    }

    private static LivePairs.Candidate candidate(ResultSet rs) throws SQLException {
        return new LivePairs.Candidate(
                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getDouble(5), rs.getString(6));
    }

    /**
     * Pairs a video just indexed with a given photo (a copy's video with the photo's copy); fails
     * the transaction when either is gone or the photo has a video already.
     */
    static void pairWith(Connection connection, String videoPublicId, String photoPublicId) throws SQLException {
        LivePairs.Candidate video;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, public_id, album_id, filename,"
                + " duration, content_identifier FROM assets WHERE public_id = ?")) {
            select.setString(1, videoPublicId);
            try (ResultSet rs = select.executeQuery()) {
                video = rs.next() ? candidate(rs) : null;
            }
        }
        if (video == null || !LivePairs.pair(connection, video, photoPublicId)) {
            throw new StoreException(
                    dev.camroll.api.ErrorCode.CONFLICT,
                    "the video " + videoPublicId + " cannot join the photo " + photoPublicId);
        }
    }

    /** The row of a photo the scope sees, read within the creation's transaction. */
    static Optional<AssetRow> photoRow(Connection connection, Scope scope, String publicId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + AssetColumns.SELECT + " FROM assets WHERE public_id = ?" + ScopeSql.and(scope, "assets"))) {
            select.setString(1, publicId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(AssetColumns.read(rs)) : Optional.empty();
            }
        }
    }
}
