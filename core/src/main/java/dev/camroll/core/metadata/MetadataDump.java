package dev.camroll.core.metadata;

import java.nio.file.Path;
import java.util.Map;

/** Interim: replaced by the full tag reader. */
public final class MetadataDump {
    private MetadataDump() {}

    public static Map<String, Map<String, String>> readAll(Path file) {
        return Map.of();
    }
}
