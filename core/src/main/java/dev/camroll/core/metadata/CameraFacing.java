package dev.camroll.core.metadata;

import java.util.Locale;

/**
 * Whether a photo or video was taken with the front camera, for the Selfies smart album. Phones
 * name the lens in the file: Apple and Google write EXIF LensModel as "iPhone 13 front camera
 * 2.71mm f/2.2" or "Pixel 7 front camera 2.74mm f/2.2", and Apple's videos carry the same text
 * as the QuickTime key {@code com.apple.quicktime.camera.lens_model}, besides {@code
 * com.apple.quicktime.camera.identifier} ("Front" or "Back").
 */
final class CameraFacing {

    /** The QuickTime metadata key of the lens, as iOS writes it on videos. */
    static final String APPLE_LENS_MODEL = "com.apple.quicktime.camera.lens_model";

    /** The QuickTime metadata key naming which camera recorded a video ("Front", "Back"). */
    static final String APPLE_CAMERA_IDENTIFIER = "com.apple.quicktime.camera.identifier";

    private CameraFacing() {}

    /** A lens model as EXIF LensModel or Apple's lens key write it for the front camera. */
    static boolean isFrontLens(String lensModel) {
        return lensModel != null && lensModel.toLowerCase(Locale.ROOT).contains("front camera");
    }

    /** From a video's container keys. */
    static boolean isFrontCameraVideo(String lensModel, String cameraIdentifier) {
        return isFrontLens(lensModel)
                || cameraIdentifier != null && cameraIdentifier.strip().equalsIgnoreCase("front");
    }
}
