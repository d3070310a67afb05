package dev.camroll.api;

import java.util.Locale;

/**
 * Why an operation failed, as a program tells it apart: every {@link CamrollException} carries
 * one. The command line turns it into an exit code, the HTTP API into a status and the clients
 * back into an exception, each in one place; the wire name is what travels in JSON.
 */
public enum ErrorCode {
    /** A value the caller passed cannot be used; the details name the parameter where one is known. */
    INVALID_ARGUMENT,
    /** Ids that are not in the library (or not visible to the caller); the details list them. */
    NOT_FOUND,
    /** Content that is not media, or not the media its file name says. */
    NOT_MEDIA,
    /** Content past the size limit of the operation; the details give the limit in bytes. */
    TOO_LARGE,
    /** The operation would take something that exists already, such as an album's name. */
    CONFLICT,
    /** The asset has no thumbnail: no decoder for its format, or no picture in it. */
    NO_THUMBNAIL,
    /**
     * The asset has no rendition a browser can show: its video, audio or picture could not be
     * decoded or converted (a damaged file, a codec the bundled libraries lack, past the time limit).
     */
    NO_RENDITION,
    /** The disk holding the library or its data folder is full; nothing was half-written. */
    NO_SPACE,
    /** The data folder cannot be written by this process: queries work, writes do not. */
    READ_ONLY,
    /** The index is damaged and cannot be moved aside to build a new one. */
    DAMAGED_INDEX,
    /** The data folder cannot serve the library: a file where it should be, or a link in its place. */
    BAD_DATA_FOLDER,
    /** A file of the library could not be read, written or moved; the message says which and why. */
    IO_ERROR,
    /**
     * The library cannot do this now: it is closed, another scan holds it too long, a library
     * needed is missing, the index was made by a newer Camroll; trying later (or elsewhere) may work.
     */
    UNAVAILABLE,
    /** The request carries no valid credentials (a missing or wrong token, an expired link). */
    UNAUTHORIZED,
    /** The credentials are valid but do not allow this request (a session write without its CSRF header). */
    FORBIDDEN,
    /**
     * An app asked to change or delete what it did not create: nothing was done, and the owner
     * was asked to confirm; the details name the confirmation request ({@code request}).
     */
    CONFIRMATION_REQUIRED,
    /** A fault of Camroll itself; the message is all there is to say. */
    INTERNAL;

    /** The snake_case name used in JSON ({@code invalid_argument}, {@code not_found}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code of a wire name; an unknown name (from a newer server) is {@link #INTERNAL}. */
    public static ErrorCode fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName().equals(name)) {
                return code;
            }
        }
        return INTERNAL;
    }
}
