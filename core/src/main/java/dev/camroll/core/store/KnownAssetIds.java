package dev.camroll.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which asset ids the index still knows, as an asset or in the trash (a trashed asset can come
 * back). It takes no scope: the library asks it about its own caches, for no caller.
 */
public final class KnownAssetIds {
    /** Ids per statement: well under SQLite's limit of bound parameters. */
    private static final int BATCH = 500;

    private final Database database;

    public KnownAssetIds(Database database) {
        this.database = database;
    }

    /** Those of {@code publicIds} that name an asset or a trashed asset. */
    public Set<String> of(Collection<String> publicIds) {
        List<String> ids = List.copyOf(publicIds);
        Set<String> known = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            String sql = "SELECT public_id FROM assets WHERE public_id IN (" + marks + ")"
                    + " UNION SELECT public_id FROM trash WHERE public_id IN (" + marks + ")";
            known.addAll(database.read(connection -> {
                List<String> found = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    for (int i = 0; i < batch.size(); i++) {
                        select.setString(1 + i, batch.get(i));
                        select.setString(1 + batch.size() + i, batch.get(i));
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
                return found;
            }));
        }
        return known;
    }
}
