package dev.camroll.api;

/**
 * Finer kinds of an asset, as in expo-media-library's mediaSubtypes. Each is read from the file's
 * own metadata; docs/ARCHITECTURE.md ("Media subtypes") lists the tag and value of each rule.
 */
public enum MediaSubtype {
    /** A screen capture: its name ("Screenshot…", "Screen Shot…") or EXIF UserComment "Screenshot". */
    SCREENSHOT("screenshot"),
    /** A photo at least twice as wide (or tall) as the other side and 3000 px long, or GPano XMP. */
    PANORAMA("panorama"),
    /** A photo or video that declares HDR content. */
    HDR("hdr"),
    /** The still of an Apple Live Photo: its MakerNote carries the content identifier of its video. */
    LIVE_PHOTO("livePhoto"),
    /** One shot of a burst: Apple's MakerNote burst UUID. */
    BURST("burst"),
    /** A portrait photo with a depth map: Apple's capture type, or Google's depth XMP. */
    DEPTH_EFFECT("depthEffect"),
    /** A JPEG or HEIC with a video inside: Google's Camera/Container XMP, or Samsung's trailer. */
    MOTION_PHOTO("motionPhoto"),
    /** A slow-motion video: captured at 120 frames a second or more, played slower. */
    HIGH_FRAME_RATE("highFrameRate"),
    /** A time-lapse video: captured at most half as often as it plays, or iOS's time-lapse mark. */
    TIMELAPSE("timelapse"),
    /** A camera raw file (DNG, CR2, CR3, NEF, ARW, ORF, RW2, RAF), by its format as the content says. */
    RAW("raw"),
    /** A screen recording (iOS's videoScreenRecording): a video named as iOS, macOS or Android name them. */
    SCREEN_RECORDING("screenRecording"),
    /** Taken with the front camera: EXIF LensModel or Apple's QuickTime camera keys say so. */
    SELFIE("selfie"),
    /** A picture of several frames: an animated GIF, WebP or PNG (APNG). */
    ANIMATED("animated");

    private final String wireName;

    MediaSubtype(String wireName) {
        this.wireName = wireName;
    }

    /** The name expo-media-library uses, as stored in the index and sent on the wire. */
    public String wireName() {
        return wireName;
    }
}
