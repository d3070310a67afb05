package dev.camroll.core.store;

/**
 * A photo or video as moments group it: its row id, creation time and location (both null when
 * it has none).
 */
public record MomentPoint(long assetId, long creationTime, Double latitude, Double longitude) {
    public boolean located() {
        return latitude != null && longitude != null;
    }
}
