package dev.camroll.api;

import java.util.List;

/** What one scan of the library found. */
public record ScanReport(
        int added, int changed, int removed, int unchanged, List<ScanWarning> warnings, long elapsedMillis) {
    public ScanReport {
        warnings = List.copyOf(warnings);
    }
}
