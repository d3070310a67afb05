package dev.camroll.core.store;

import dev.camroll.api.FieldFilter;
import java.util.List;

/**
 * The SQL of a query's conditions on numeric fields ({@code width >= ?}). Every such column is
 * {@code NOT NULL}, so a comparison never meets a NULL. A whole value is bound as an integer (times
 * are epoch milliseconds, beyond a double's exact range only past the year 285,000), any other as a
 * real, which SQLite compares with integer columns numerically.
 */
final class FieldConditions {
    private FieldConditions() {}

    static void append(StringBuilder sql, List<Object> parameters, List<FieldFilter.OnNumber> conditions) {
        for (FieldFilter.OnNumber condition : conditions) {
            String column = column(condition);
            sql.append(" AND ").append(column);
            switch (condition.comparison()) {
                case EQ -> sql.append(" = ?");
                case GT -> sql.append(" > ?");
                case GTE -> sql.append(" >= ?");
                case LT -> sql.append(" < ?");
                case LTE -> sql.append(" <= ?");
                case IN -> {
                    sql.append(" IN (");
                    for (int i = 0; i < condition.values().size(); i++) {
                        sql.append(i == 0 ? "?" : ", ?");
                    }
                    sql.append(')');
                }
            }
            for (double value : condition.values()) {
                parameters.add(bound(value));
            }
        }
    }

    private static String column(FieldFilter.OnNumber condition) {
        return switch (condition.field()) {
            case CREATION_TIME -> "creation_time";
            case MODIFICATION_TIME -> "modification_time";
            case WIDTH -> "width";
            case HEIGHT -> "height";
            case DURATION -> "duration";
            case MEDIA_TYPE -> throw new IllegalArgumentException("the media type is not a number");
        };
    }

    private static Object bound(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p62) {
            return (long) value;
        }
        return value;
    }
}
