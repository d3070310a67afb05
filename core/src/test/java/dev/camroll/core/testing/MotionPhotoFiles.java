package dev.camroll.core.testing;

import dev.camroll.core.metadata.PhoneMarkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Motion Photos as phones write them, each a real JPEG with a real MP4 (made by the bundled FFmpeg
 * libraries) inside, built from the makers' documented layouts:
 *
 * <ul>
 *   <li>Google's Motion Photo format 1.0 (developer.android.com, "Motion Photo format"): XMP with
 *       {@code GCamera:MotionPhoto="1"} and a {@code Container:Directory} whose primary item has
 *       length 0 and whose {@code MotionPhoto} item has the MP4's length; the MP4 appended after
 *       the JPEG's end of image.
 *   <li>Google's older Micro Video: {@code GCamera:MicroVideo="1"} and {@code
 *       GCamera:MicroVideoOffset}, the MP4's distance from the end of the file.
 *   <li>Samsung's: the MP4 as the {@code MotionPhoto_Data} block of the SEF trailer (as ExifTool's
 *       Samsung module reads it).
 * </ul>
 */
public final class MotionPhotoFiles {
    public static final String GOOGLE = "xmlns:GCamera=\"http://ns.google.com/photos/1.0/camera/\""
            + " xmlns:Container=\"http://ns.google.com/photos/1.0/container/\""
            + " xmlns:Item=\"http://ns.google.com/photos/1.0/container/item/\"";

    private MotionPhotoFiles() {}

    /** A short MP4, as a phone's camera records beside the still. */
    public static byte[] mp4(Path scratch) {
        try {
            return Files.readAllBytes(TestMedia.video(scratch, 1.0, 32, 24));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Google's Motion Photo 1.0, with the directory saying the video is {@code declaredLength} long. */
    public static Path google(Path target, byte[] mp4, long declaredLength) {
        byte[] xmp = PhoneMarkers.xmpSegment(
                GOOGLE,
                "GCamera:MotionPhoto=\"1\" GCamera:MotionPhotoVersion=\"1\"",
                "<Container:Directory><rdf:Seq>"
                        + "<rdf:li rdf:parseType=\"Resource\"><Container:Item Item:Mime=\"image/jpeg\""
                        + " Item:Semantic=\"Primary\" Item:Length=\"0\" Item:Padding=\"0\"/></rdf:li>"
                        + "<rdf:li rdf:parseType=\"Resource\"><Container:Item Item:Mime=\"video/mp4\""
                        + " Item:Semantic=\"MotionPhoto\" Item:Length=\"" + declaredLength + "\"/></rdf:li>"
                        + "</rdf:Seq></Container:Directory>");
        return write(target, PhoneMarkers.concat(PhoneMarkers.jpegWith(xmp), mp4));
    }

    /** Google's Micro Video: the offset from the end of the file in XMP. */
    public static Path microVideo(Path target, byte[] mp4) {
        byte[] xmp = PhoneMarkers.xmpSegment(
                GOOGLE, "GCamera:MicroVideo=\"1\" GCamera:MicroVideoOffset=\"" + mp4.length + "\"", "");
        return write(target, PhoneMarkers.concat(PhoneMarkers.jpegWith(xmp), mp4));
    }

    /** Samsung's: the MP4 in the trailer's MotionPhoto_Data block. */
    public static Path samsung(Path target, byte[] mp4) {
        return write(
                target,
                PhoneMarkers.concat(
                        PhoneMarkers.jpegWith(), PhoneMarkers.samsungTrailer(0x0A30, "MotionPhoto_Data", mp4)));
    }

    private static Path write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            return Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
