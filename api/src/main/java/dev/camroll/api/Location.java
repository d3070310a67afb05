package dev.camroll.api;

/** A GPS position in decimal degrees (WGS 84). */
public record Location(double latitude, double longitude) {
    public Location {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidArgumentException("location out of range: " + latitude + ", " + longitude);
        }
    }
}
