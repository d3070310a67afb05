package dev.camroll.server.http;

import dev.camroll.api.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A file's bytes as the API serves media (an original, a rendition): one byte range (206, 416 for
 * a range outside the file), ETag and If-None-Match, Last-Modified and If-Modified-Since (304),
 * If-Range, the file name in Content-Disposition (RFC 6266 {@code filename*}), and the caching
 * the route asks for.
 */
final class RangedFile {
    private static final int BUFFER = 64 * 1024;

    /** Opens the bytes to serve, checking on the way that they are still the ones described. */
    @FunctionalInterface
    interface Opener {
        SeekableByteChannel open() throws IOException;
    }

    /**
     * What is served.
     *
     * @param etag a strong validator, quoted
     * @param filename the name a browser saves it under
     */
    record Served(String etag, long size, long lastModifiedMillis, String mimeType, String filename, Opener opener) {}

    private RangedFile() {}

    /** Answers the request with the file (or 304, 206, 416), its headers and {@code cacheControl}. */
    static void send(Context ctx, Served file, String cacheControl) throws IOException {
        String etag = file.etag();
        long size = file.size();
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", httpDate(file.lastModifiedMillis()));
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Accept-Ranges", "bytes");
        if (notModified(ctx, etag, file.lastModifiedMillis())) {
            ctx.status(304);
            return;
        }
        ByteRange.Request asked =
                ifRange(ctx, etag) ? ByteRange.parse(ctx.header("Range"), size) : new ByteRange.Whole();
        if (asked instanceof ByteRange.Unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + size);
            throw new ApiException(
                    416,
                    ErrorCode.INVALID_ARGUMENT,
                    "the range " + ctx.header("Range") + " is not within the " + size + " bytes of the file",
                    Map.of("size", size));
        }
        ByteRange range = asked instanceof ByteRange.Partial partial ? partial.range() : new ByteRange(0, size - 1);
        if (asked instanceof ByteRange.Partial) {
            ctx.status(206);
            ctx.header("Content-Range", range.contentRange(size));
        }
        ctx.contentType(file.mimeType());
        ctx.header("Content-Disposition", contentDisposition(file.filename()));
        long length = size == 0 ? 0 : range.length();
        ctx.header("Content-Length", Long.toString(length));
        if (ctx.method() == HandlerType.HEAD || length == 0) {
            return;
        }
        try (SeekableByteChannel channel = file.opener().open()) {
            channel.position(range.first());
            copy(channel, ctx.outputStream(), length);
        }
    }

    private static void copy(SeekableByteChannel channel, OutputStream out, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, length));
        long left = length;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int read = channel.read(buffer);
            if (read < 0) {
                // The file shrank since it was looked up: the response cannot be finished truthfully.
                throw new IOException("the file ended " + left + " bytes early");
            }
            out.write(buffer.array(), 0, read);
            left -= read;
        }
        out.flush();
    }

    /** If-None-Match wins over If-Modified-Since, as RFC 9110 says. */
    private static boolean notModified(Context ctx, String etag, long lastModifiedMillis) {
        if (ctx.header("If-None-Match") != null) {
            return matchesNoneMatch(ctx, etag);
        }
        String modifiedSince = ctx.header("If-Modified-Since");
        if (modifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(modifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return lastModifiedMillis / 1000 <= since.getEpochSecond();
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether the request's If-None-Match names the entity tag (weakly, as RFC 9110 compares for it). */
    static boolean matchesNoneMatch(Context ctx, String etag) {
        String noneMatch = ctx.header("If-None-Match");
        if (noneMatch == null) {
            return false;
        }
        for (String tag : noneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** A Range counts only when an If-Range, if any, names the current file. */
    private static boolean ifRange(Context ctx, String etag) {
        String ifRange = ctx.header("If-Range");
        return ifRange == null || ifRange.strip().equals(etag);
    }

    private static String httpDate(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    /** inline, with an ASCII fallback name and the exact one in RFC 5987 form. */
    static String contentDisposition(String filename) {
        StringBuilder ascii = new StringBuilder();
        for (char c : filename.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
