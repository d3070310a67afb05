package dev.camroll.core.store;

import dev.camroll.core.metadata.ContentKey;
import dev.camroll.core.metadata.ReaderVersions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the scan reads from and writes to the index. */
public final class ScanStore {
    private static final String INSERT = AssetColumns.INSERT_OR_ADOPT + " RETURNING id";
    /**
     * OR IGNORE: a file taken for a moved one may have got a row of its own meanwhile (a write of
     * another process); the move is then not made, and the next scan sees the old row's file gone.
     */
    private static final String UPDATE =
            "UPDATE OR IGNORE assets SET (" + AssetColumns.CONTENT + ", generation_modified) = ("
                    + "?, ".repeat(AssetColumns.CONTENT_COUNT) + Journal.CURRENT_GENERATION
                    + ") WHERE id = ? AND public_id = ?";

    private final Database database;

    public ScanStore(Database database) {
        this.database = database;
    }

    /** Every folder the index knows, by relative path. */
    public Map<String, AlbumRow> albumsByPath() {
        return database.read(connection -> {
            Map<String, AlbumRow> albums = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id, public_id, rel_path, title FROM albums")) {
                while (rs.next()) {
                    AlbumRow album = new AlbumRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    albums.put(album.relPath(), album);
                }
            }
            return albums;
        });
    }

    /** The files of one folder as the index knows them, by file name. */
    public Map<String, KnownFile> knownFiles(long albumRowId) {
        return database.read(connection -> {
            Map<String, KnownFile> files = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT filename, id, public_id, file_size, modification_time, content_key IS NOT NULL,"
                            + " media_type, reader_version FROM assets WHERE album_id = ?"
                            + " UNION ALL SELECT filename, -1, NULL, file_size, modification_time, 0, 0, 0"
                            + " FROM skipped_files WHERE album_id = ?"
                            // A Live Photo's video is no asset: known, unchanged, never read again.
                            + " UNION ALL SELECT filename, -1, public_id, file_size, modification_time, 0, 0, 0"
                            + " FROM paired_videos WHERE album_id = ?")) {
                statement.setLong(1, albumRowId);
                statement.setLong(2, albumRowId);
                statement.setLong(3, albumRowId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        long rowId = rs.getLong(2);
                        files.put(
                                rs.getString(1),
                                new KnownFile(
                                        rowId,
                                        rs.getString(3),
                                        rs.getLong(4),
                                        rs.getLong(5),
                                        rs.getInt(6) != 0,
                                        rowId >= 0
                                                && ReaderVersions.outdated(
                                                        MediaTypeCode.from(rs.getInt(7)), rs.getInt(8))));
                    }
                }
            }
            return files;
        });
    }

    /** The content keys of these asset rows, by row id; rows without one are left out. */
    public Map<Long, ContentKey> contentKeys(Collection<Long> assetRowIds) {
        if (assetRowIds.isEmpty()) {
            return Map.of();
        }
        return database.read(connection -> {
            Map<Long, ContentKey> keys = new HashMap<>();
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT content_key FROM assets WHERE id = ?")) {
                for (long rowId : assetRowIds) {
                    statement.setLong(1, rowId);
                    try (ResultSet rs = statement.executeQuery()) {
                        ContentKey key = rs.next() ? ContentKey.fromBytes(rs.getBytes(1)) : null;
                        if (key != null) {
                            keys.put(rowId, key);
                        }
                    }
                }
            }
            return keys;
        });
    }

    /**
     * Where the assets with these content keys are, by key; keys no asset has are left out. One
     * read transaction, one index lookup per key.
     */
    public Map<ContentKey, List<KeyedPlace>> placesByKey(Collection<ContentKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return database.read(connection -> {
            Map<ContentKey, List<KeyedPlace>> places = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT a.id, a.public_id, al.rel_path, a.filename FROM assets a JOIN albums al ON al.id = a.album_id"
                            + " WHERE a.content_key = ? ORDER BY a.id")) {
                for (ContentKey key : keys) {
                    statement.setBytes(1, key.toBytes());
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            places.computeIfAbsent(key, k -> new ArrayList<>())
                                    .add(new KeyedPlace(
                                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
            return places;
        });
    }

    /**
     * Pairs Live Photos among the assets of these folders and gives unpaired videos whose photo
     * is gone their rows back (see {@link LivePairs#settle}).
     */
    public int settleLivePairs(Collection<Long> albumRowIds) {
        return hasLivePairsToSettle(albumRowIds) ? new LivePairs(database).settle(albumRowIds) : 0;
    }

    /**
     * Whether {@link #settleLivePairs} has anything to look at: a folder touched, or a paired video
     * whose photo is gone. Read without a lock, so that an unchanged rescan neither waits for
     * another process's write nor writes (nor takes a generation).
     */
    public boolean hasLivePairsToSettle(Collection<Long> albumRowIds) {
        return !albumRowIds.isEmpty() || new LivePairs(database).hasOrphans();
    }

    /** Adds a folder; returns the new row. */
    public AlbumRow addAlbum(String relPath, String title) {
        return database.write(connection -> {
            String publicId = PublicIds.next();
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO albums (public_id, rel_path, title) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, publicId);
                statement.setString(2, relPath);
                statement.setString(3, title);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return new AlbumRow(keys.getLong(1), publicId, relPath, title);
                }
            }
        });
    }

    /**
     * Removes a folder that is gone from disk, with every asset and skipped file it still holds;
     * the scan has moved or deleted its assets before, so normally none is left.
     */
    public int removeAlbum(long albumRowId) {
        return database.write(connection -> {
            int removed;
            try (PreparedStatement assets = connection.prepareStatement("DELETE FROM assets WHERE album_id = ?");
                    PreparedStatement skipped =
                            connection.prepareStatement("DELETE FROM skipped_files WHERE album_id = ?");
                    PreparedStatement paired =
                            connection.prepareStatement("DELETE FROM paired_videos WHERE album_id = ?");
                    PreparedStatement counts =
                            connection.prepareStatement("DELETE FROM asset_counts WHERE album_id = ?");
                    PreparedStatement album = connection.prepareStatement("DELETE FROM albums WHERE id = ?")) {
                assets.setLong(1, albumRowId);
                removed = assets.executeUpdate();
                for (PreparedStatement statement : List.of(skipped, paired, counts, album)) {
                    statement.setLong(1, albumRowId);
                    statement.executeUpdate();
                }
            }
            return removed;
        });
    }

    /** Writes a batch of changes in one transaction; returns the row ids of the inserted assets. */
    public List<Long> apply(List<ScanChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        return database.write(connection -> {
            List<Long> inserted = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT);
                    PreparedStatement update = connection.prepareStatement(UPDATE);
                    PreparedStatement delete =
                            connection.prepareStatement("DELETE FROM assets WHERE id = ? AND public_id = ?"
                                    + " AND album_id = ? AND filename = ?");
                    PreparedStatement setKey = connection.prepareStatement(
                            "UPDATE assets SET content_key = ? WHERE id = ? AND public_id = ?");
                    PreparedStatement skip = connection.prepareStatement(
                            "INSERT OR REPLACE INTO skipped_files (album_id, filename, file_size, modification_time,"
                                    + " warning) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement unskip = connection.prepareStatement(
                            "DELETE FROM skipped_files WHERE album_id = ? AND filename = ?");
                    PreparedStatement unpairedPhoto = connection.prepareStatement("UPDATE assets SET"
                            + " generation_modified = " + Journal.CURRENT_GENERATION + " WHERE public_id = (SELECT"
                            + " photo_public_id FROM paired_videos WHERE album_id = ? AND filename = ?)");
                    PreparedStatement unpair = connection.prepareStatement(
                            "DELETE FROM paired_videos WHERE album_id = ? AND filename = ?")) {
                for (ScanChange change : changes) {
                    switch (change) {
                        case ScanChange.Insert(NewAsset asset) -> {
                            insert.setString(1, PublicIds.next());
                            AssetColumns.bindContent(insert, 2, asset);
                            try (ResultSet keys = insert.executeQuery()) {
                                // No row: the name is another file's now; the next scan reads it again.
                                if (keys.next()) {
                                    inserted.add(keys.getLong(1));
                                }
                            }
                        }
                        case ScanChange.Update(long rowId, String publicId, NewAsset asset) -> {
                            int next = AssetColumns.bindContent(update, 1, asset);
                            update.setLong(next, rowId);
                            update.setString(next + 1, publicId);
                            update.executeUpdate();
                        }
                        case ScanChange.SetKey(long rowId, String publicId, ContentKey key) -> {
                            // generation_modified is left alone: nothing anyone sees changed.
                            AssetColumns.bindKey(setKey, 1, key);
                            setKey.setLong(2, rowId);
                            setKey.setString(3, publicId);
                            setKey.executeUpdate();
                        }
                        case ScanChange.Delete(long rowId, String publicId, long album, String filename) -> {
                            delete.setLong(1, rowId);
                            delete.setString(2, publicId);
                            delete.setLong(3, album);
                            delete.setString(4, filename);
                            delete.executeUpdate();
                        }
                        case ScanChange.Skip(long album, String filename, long size, long mtime, String warning) -> {
                            skip.setLong(1, album);
                            skip.setString(2, filename);
                            skip.setLong(3, size);
                            skip.setLong(4, mtime);
                            if (warning == null) {
                                skip.setNull(5, Types.VARCHAR);
                            } else {
                                skip.setString(5, warning);
                            }
                            skip.executeUpdate();
                        }
                        case ScanChange.Unskip(long album, String filename, String pairedVideoId) -> {
                            // Also a Live Photo's video that is gone or changed: its photo is
                            // a photo alone until the pairing finds it a video again.
                            for (PreparedStatement statement : List.of(unskip, unpairedPhoto, unpair)) {
                                statement.setLong(1, album);
                                statement.setString(2, filename);
                                statement.executeUpdate();
                            }
                        }
                    }
                }
            }
            return inserted;
        });
    }
}
