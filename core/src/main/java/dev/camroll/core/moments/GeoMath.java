package dev.camroll.core.moments;

import dev.camroll.api.Location;
import java.util.List;

/** Distances and centres on the Earth, as a sphere: plenty for towns and moments. */
final class GeoMath {
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private GeoMath() {}

    /** The great-circle distance in metres (haversine). */
    static double metresBetween(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * The centre of points: the mean of their unit vectors, brought back to the surface, so that
     * points on both sides of the 180th meridian centre there and not near Greenwich. Null for none.
     */
    static Location centre(List<Location> points) {
        if (points.isEmpty()) {
            return null;
        }
        double x = 0;
        double y = 0;
        double z = 0;
        for (Location point : points) {
            double phi = Math.toRadians(point.latitude());
            double lambda = Math.toRadians(point.longitude());
            x += Math.cos(phi) * Math.cos(lambda);
            y += Math.cos(phi) * Math.sin(lambda);
            z += Math.sin(phi);
        }
        double horizontal = Math.hypot(x, y);
        if (horizontal == 0 && z == 0) {
            // Points that cancel out (antipodes) have no centre; the first one stands for them.
            return points.getFirst();
        }
        double latitude = Math.toDegrees(Math.atan2(z, horizontal));
        double longitude = horizontal == 0 ? 0 : Math.toDegrees(Math.atan2(y, x));
        return new Location(clamp(latitude, 90), clamp(longitude, 180));
    }

    private static double clamp(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }
}
