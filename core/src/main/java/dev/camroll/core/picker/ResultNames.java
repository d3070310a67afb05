package dev.camroll.core.picker;

import dev.camroll.core.metadata.MediaFormat;
import java.util.Locale;

/** The file name an app is told for a result: the original's, its extension one of the result's format. */
final class ResultNames {
    private ResultNames() {}

    static String fileName(String originalName, MediaFormat format) {
        String name = originalName == null || originalName.isBlank() ? "picked" : originalName;
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (format.extensions().contains(extension)) {
            return name;
        }
        return base + "." + format.extensions().getFirst();
    }
}
