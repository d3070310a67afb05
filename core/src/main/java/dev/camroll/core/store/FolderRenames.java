package dev.camroll.core.store;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What renaming an album's folder reads from and writes to the index: the assets of the folder and
 * its subfolders (each one's file moves with the folder), and the one transaction that gives the
 * folder's row and those of its subfolders their new paths, ids kept. A folder's subfolders are
 * the rows whose path starts with the folder's path and a slash; the comparisons use SQLite's own
 * {@code length} of the bound path, so that characters outside the BMP count as SQLite counts them.
 */
public final class FolderRenames {
    private static final String UNDER = "(rel_path = ? OR substr(rel_path, 1, length(?)) = ?)";

    private final Database database;

    public FolderRenames(Database database) {
        this.database = database;
    }

    /** An asset in a folder tree: its id, its folder's path (relative to the root) and its name. */
    public record FileUnder(String publicId, String relPath, String filename) {}

    /**
     * Every asset the scope sees in the folder and its subfolders; {@link #hidesAssets} tells
     * whether that is all of them.
     */
    public List<FileUnder> assetsUnder(Scope scope, String relPath) {
        return database.read(connection -> {
            List<FileUnder> files = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT a.public_id, al.rel_path, a.filename FROM assets a JOIN albums al ON al.id = a.album_id"
                            + " WHERE al.id IN (SELECT id FROM albums WHERE " + UNDER + ")"
                            + ScopeSql.and(scope, "a") + " ORDER BY a.id")) {
                bindUnder(select, 1, relPath);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        files.add(new FileUnder(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return files;
        });
    }

    /** Whether the folder tree holds an asset the scope does not see. */
    public boolean hidesAssets(Scope scope, String relPath) {
        return database.read(connection -> hidden(connection, scope, relPath));
    }

    /**
     * Gives the folder {@code album} the path {@code newRelPath} and the title {@code newTitle},
     * its subfolders their paths under it, in one transaction, and stamps every asset of the tree
     * with the transaction's generation, so changesSince and listeners report them updated (their
     * album changed). A row left at the new path by a folder that no longer holds assets (an
     * emptied folder, or one a scan of another process met while the rename was under way) is
     * dropped first; one that still holds assets makes it a conflict, changing nothing. Trashed
     * assets that came from the tree are recorded as from its new place.
     */
    public void rename(Scope scope, AlbumRow album, String newRelPath, String newTitle) {
        database.write(connection -> {
            if (hidden(connection, scope, album.relPath())) {
                throw new NotFoundException("album", List.of(album.publicId()));
            }
            dropEmptyRowsAt(connection, newRelPath);
            try (PreparedStatement stamp = connection.prepareStatement("UPDATE assets SET generation_modified = "
                            + Journal.CURRENT_GENERATION + " WHERE album_id IN (SELECT id FROM albums WHERE "
                            + UNDER + ")");
                    PreparedStatement move = connection.prepareStatement(
                            "UPDATE albums SET rel_path = ? || substr(rel_path, length(?) + 1) WHERE " + UNDER);
                    PreparedStatement title = connection.prepareStatement("UPDATE albums SET title = ? WHERE id = ?")) {
                bindUnder(stamp, 1, album.relPath());
                stamp.executeUpdate();
                move.setString(1, newRelPath);
                move.setString(2, album.relPath());
                bindUnder(move, 3, album.relPath());
                move.executeUpdate();
                title.setString(1, newTitle);
                title.setLong(2, album.rowId());
                title.executeUpdate();
            }
            // What was trashed from the tree goes back into the album it left, under its new name,
            // not into its old folder made again beside it.
            try (PreparedStatement trashed = connection.prepareStatement(
                    "UPDATE trash SET rel_path = ? || substr(rel_path, length(?) + 1) WHERE " + UNDER)) {
                trashed.setString(1, newRelPath);
                trashed.setString(2, album.relPath());
                bindUnder(trashed, 3, album.relPath());
                trashed.executeUpdate();
            }
            return null;
        });
    }

    private static void dropEmptyRowsAt(Connection connection, String relPath) throws SQLException {
        try (PreparedStatement held = connection.prepareStatement(
                "SELECT 1 FROM assets WHERE album_id IN" + " (SELECT id FROM albums WHERE " + UNDER + ") LIMIT 1")) {
            bindUnder(held, 1, relPath);
            try (ResultSet rs = held.executeQuery()) {
                if (rs.next()) {
                    throw InvalidArgumentException.conflict(
                            "title", relPath + ": the index holds assets in this folder");
                }
            }
        }
        try (PreparedStatement skipped = connection.prepareStatement(
                        "DELETE FROM skipped_files WHERE album_id IN (SELECT id FROM albums WHERE " + UNDER + ")");
                PreparedStatement rows = connection.prepareStatement("DELETE FROM albums WHERE " + UNDER)) {
            bindUnder(skipped, 1, relPath);
            skipped.executeUpdate();
            bindUnder(rows, 1, relPath);
            rows.executeUpdate();
        }
    }

    private static boolean hidden(Connection connection, Scope scope, String relPath) throws SQLException {
        String visible = ScopeSql.and(scope, "a");
        if (visible.isEmpty()) {
            return false;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM assets a WHERE a.album_id IN"
                + " (SELECT id FROM albums WHERE " + UNDER + ") AND NOT (1" + visible + ") LIMIT 1")) {
            bindUnder(select, 1, relPath);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bindUnder(PreparedStatement statement, int first, String relPath) throws SQLException {
        statement.setString(first, relPath);
        statement.setString(first + 1, relPath + "/");
        statement.setString(first + 2, relPath + "/");
    }
}
