package dev.camroll.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** SQLite's plan of a statement, one line per step, as the query-plan tests read it. */
final class QueryPlans {
    private QueryPlans() {}

    static List<String> of(Database database, AssetListing.Statement statement) {
        return database.read(connection -> {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + statement.sql())) {
                AssetListing.bind(explain, statement.parameters());
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(4));
                    }
                }
            }
            return lines;
        });
    }
}
