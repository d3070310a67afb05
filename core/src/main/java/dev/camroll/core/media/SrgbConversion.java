package dev.camroll.core.media;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Converts a picture from the ICC profile its file carries (Adobe RGB, Display P3, ...) to sRGB,
 * which is what browsers assume of a thumbnail without a profile: without it, wide-gamut photos
 * look dull. Done on the scaled picture, so it costs little. Java's colour management (LittleCMS
 * inside the JDK) does the conversion.
 */
final class SrgbConversion {

    private static final ICC_Profile SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB);

    private SrgbConversion() {}

    /**
     * The picture in sRGB; the same picture when the profile is missing, sRGB already, not RGB
     * (a CMYK or grey profile describes pixels the decoder already turned into RGB), or broken.
     */
    static BufferedImage toSrgb(BufferedImage image, byte[] iccProfile) {
        if (iccProfile == null) {
            return image;
        }
        ICC_Profile profile;
        try {
            profile = ICC_Profile.getInstance(iccProfile);
        } catch (IllegalArgumentException e) {
            return image; // a broken profile: the pixels as they are beat no thumbnail
        }
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB || describesSrgb(profile)) {
            return image;
        }
        try {
            ColorConvertOp convert = new ColorConvertOp(new ICC_Profile[] {profile, SRGB}, null);
            WritableRaster converted = image.getRaster().createCompatibleWritableRaster();
            convert.filter(image.getRaster(), converted);
            return new BufferedImage(image.getColorModel(), converted, false, null);
        } catch (RuntimeException e) {
            return image; // LittleCMS refused the profile
        }
    }

    /**
     * Whether the profile's description starts with "sRGB" ("sRGB IEC61966-2.1", "sRGB
     * built-in"): converting those would change nothing and cost time. ("linear sRGB" is not.)
     */
    private static boolean describesSrgb(ICC_Profile profile) {
        return description(profile).startsWith("sRGB");
    }

    /** The text of the description tag: ASCII in v2 profiles ('desc'), UTF-16 in v4 ones ('mluc'). */
    static String description(ICC_Profile profile) {
        byte[] tag = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (tag == null || tag.length < 12) {
            return "";
        }
        ByteBuffer data = ByteBuffer.wrap(tag);
        String type = new String(tag, 0, 4, StandardCharsets.ISO_8859_1);
        if (type.equals("desc")) {
            int length = Math.min(data.getInt(8), tag.length - 12);
            return length <= 0 ? "" : new String(tag, 12, length, StandardCharsets.ISO_8859_1).replace("\0", "");
        }
        if (type.equals("mluc") && tag.length >= 28) {
            int length = data.getInt(20);
            int offset = data.getInt(24);
            if (offset >= 0 && length > 0 && (long) offset + length <= tag.length) {
                return new String(tag, offset, length, StandardCharsets.UTF_16BE).replace("\0", "");
            }
        }
        return "";
    }
}
