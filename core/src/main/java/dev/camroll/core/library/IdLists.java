package dev.camroll.core.library;

import dev.camroll.api.InvalidArgumentException;
import java.util.LinkedHashSet;
import java.util.List;

/** The ids a write is given, each once, in the order given. */
final class IdLists {
    private IdLists() {}

    static List<String> distinct(List<String> ids) {
        if (ids == null) {
            throw InvalidArgumentException.of("ids", "ids: missing");
        }
        return List.copyOf(new LinkedHashSet<>(ids.stream().map(String::valueOf).toList()));
    }
}
