package dev.camroll.core.store;

import java.util.List;

/**
 * The conditions of one listing range on the creation time: the created-after/before bounds of the
 * query and the keyset's bound or equality, written as one lower and one upper bound. SQLite
 * narrows an index by one bound per side and only filters by another, so of two upper bounds it
 * may start from the looser one and read every row between them (a page deep in a two-year range
 * read a year of rows).
 */
final class CreationBounds {
    private Long lower; // exclusive
    private Long upper; // exclusive
    private Long equal;
    private boolean contradictory;

    CreationBounds(Long after, Long before) {
        this.lower = after;
        this.upper = before;
    }

    /** Adds a keyset condition: {@code op} is " = ?", " > ?" or " < ?". */
    void add(String op, long value) {
        switch (op) {
            case " = ?" -> {
                // Two equalities come from DEFAULT and CREATION_TIME in one sort, both this column.
                contradictory |= equal != null && equal != value;
                equal = value;
            }
            case " > ?" -> lower = lower == null ? value : Math.max(lower, value);
            default -> upper = upper == null ? value : Math.min(upper, value);
        }
    }

    /** Appends the conditions; false when no creation time meets them. */
    boolean append(StringBuilder sql, List<Object> parameters) {
        return append(sql, parameters, "creation_time");
    }

    /** Appends the conditions on {@code column}, which holds the creation time; false when none meets them. */
    boolean append(StringBuilder sql, List<Object> parameters, String column) {
        if (contradictory) {
            return false;
        }
        if (equal != null) {
            if ((lower != null && equal <= lower) || (upper != null && equal >= upper)) {
                return false;
            }
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(equal);
            return true;
        }
        if (lower != null && upper != null && upper - lower < 2) {
            return false;
        }
        if (lower != null) {
            sql.append(" AND ").append(column).append(" > ?");
            parameters.add(lower);
        }
        if (upper != null) {
            sql.append(" AND ").append(column).append(" < ?");
            parameters.add(upper);
        }
        return true;
    }
}
