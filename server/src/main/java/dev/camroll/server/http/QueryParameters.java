package dev.camroll.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query parameters of a request, checked against those its route takes: any other is a 400. */
final class QueryParameters {
    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static QueryParameters of(Context ctx, Set<String> allowed) {
        return of(ctx, allowed, false);
    }

    /**
     * The parameters, checked; with {@code fieldFilters}, names of the form {@code field.comparison}
     * are let through as well, for the route to read as field filters (which checks them).
     */
    static QueryParameters of(Context ctx, Set<String> allowed, boolean fieldFilters) {
        Map<String, List<String>> values = ctx.queryParamMap();
        for (String name : values.keySet()) {
            if (fieldFilters && dev.camroll.wire.QueryParameters.isFieldFilter(name)) {
                continue;
            }
            if (!allowed.contains(name)) {
                throw ApiException.badParameter(
                        name,
                        "unknown query parameter '" + name + "'"
                                + (allowed.isEmpty()
                                        ? " (this route takes none)"
                                        : " (expected "
                                                + String.join(
                                                        ", ",
                                                        allowed.stream()
                                                                .sorted()
                                                                .toList()) + ")"));
            }
        }
        return new QueryParameters(values);
    }

    /** The names of the parameters given, in no particular order. */
    Set<String> names() {
        return values.keySet();
    }

    /** The one value of a parameter, or null; given twice is a 400. */
    String get(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (given.size() > 1) {
            throw ApiException.badParameter(name, name + " is given " + given.size() + " times");
        }
        return given.getFirst();
    }

    int intValue(String name, int orElse) {
        String text = get(name);
        if (text == null) {
            return orElse;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, name + " must be a whole number, got '" + text + "'");
        }
    }

    boolean bool(String name, boolean orElse) {
        String text = get(name);
        if (text == null) {
            return orElse;
        }
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badParameter(name, name + " must be true or false, got '" + text + "'");
        };
    }
}
