package dev.camroll.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of work done on one connection of the index. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
