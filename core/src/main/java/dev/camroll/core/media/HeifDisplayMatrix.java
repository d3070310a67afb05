package dev.camroll.core.media;

/**
 * The EXIF orientation equivalent to the display matrix FFmpeg's demuxer builds from a HEIF
 * item's {@code irot} (a quarter-turn rotation) and {@code imir} (a mirror) properties, decided
 * as FFmpeg's own command line turns its pictures (a transpose for quarter turns, with a flip
 * when the matrix mirrors, and plain flips otherwise), so that Camroll shows a HEIF as FFmpeg and
 * libheif do.
 */
final class HeifDisplayMatrix {

    private HeifDisplayMatrix() {}

    /**
     * The EXIF orientation (1 to 8) of a display matrix (nine 16.16 and 2.30 fixed-point entries,
     * row by row), 1 for a missing or unusual one.
     */
    static int exifOrientation(int[] matrix) {
        if (matrix == null || matrix.length < 9) {
            return 1;
        }
        double scaleX = Math.hypot(matrix[0], matrix[3]);
        double scaleY = Math.hypot(matrix[1], matrix[4]);
        if (scaleX == 0 || scaleY == 0) {
            return 1;
        }
        // The angle FFmpeg's command line turns a picture by clockwise: the negation of
        // av_display_rotation_get, which is itself the negated angle of the matrix's first row.
        int clockwise = Math.floorMod(
                (int) Math.round(Math.toDegrees(Math.atan2(matrix[1] / scaleY, matrix[0] / scaleX))), 360);
        if (Math.abs(clockwise - 90) < 1) {
            return matrix[3] > 0 ? 5 : 6; // transpose, or a quarter turn clockwise
        }
        if (Math.abs(clockwise - 180) < 1) {
            boolean horizontal = matrix[0] < 0;
            boolean vertical = matrix[4] < 0;
            return horizontal && vertical ? 3 : horizontal ? 2 : vertical ? 4 : 1;
        }
        if (Math.abs(clockwise - 270) < 1) {
            return matrix[3] < 0 ? 7 : 8; // transverse, or a quarter turn counter-clockwise
        }
        if (clockwise < 1 || clockwise > 359) {
            return matrix[4] < 0 ? 4 : 1;
        }
        return 1; // not a quarter turn: HEIF's irot only has quarter turns
    }
}
