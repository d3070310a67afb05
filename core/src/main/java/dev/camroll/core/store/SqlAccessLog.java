package dev.camroll.core.store;

import dev.camroll.core.access.AccessEntry;
import dev.camroll.core.access.AccessLog;
import dev.camroll.core.access.AccessOperation;
import dev.camroll.core.access.AppId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The access log in the index; its writes take no generation (they change nothing of the library). */
public final class SqlAccessLog implements AccessLog.Store {
    private final Database database;

    public SqlAccessLog(Database database) {
        this.database = database;
    }

    @Override
    public void append(Collection<AccessEntry> entries) {
        if (entries.isEmpty() || database.readOnly()) {
            // A read-only index answers queries; what it cannot log is not kept.
            return;
        }
        database.writeOutsideJournal(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO access_log (time, app_id, public_id, operation) VALUES (?, ?, ?, ?)")) {
                for (AccessEntry entry : entries) {
                    insert.setLong(1, entry.time().toEpochMilli());
                    insert.setString(2, entry.app().value());
                    insert.setString(3, entry.assetId());
                    insert.setString(4, entry.operation().name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<AccessEntry> entries(AppId app, Instant since, int limit) {
        return database.read(connection -> {
            List<AccessEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT time, public_id, operation"
                    + " FROM access_log WHERE app_id = ? AND time >= ? ORDER BY time DESC, rowid DESC LIMIT ?")) {
                select.setString(1, app.value());
                select.setLong(2, since.toEpochMilli());
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AccessEntry(
                                Instant.ofEpochMilli(rs.getLong(1)),
                                app,
                                rs.getString(2),
                                AccessOperation.valueOf(rs.getString(3))));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public void purgeBefore(Instant time) {
        database.writeOutsideJournal(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM access_log WHERE time < ?")) {
                delete.setLong(1, time.toEpochMilli());
                delete.executeUpdate();
            }
            return null;
        });
    }
}
