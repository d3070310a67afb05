package dev.camroll.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.PermissionStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of a permission state, in expo-media-library's {@code PermissionResponse} shape
 * ({@code status}, {@code granted}, {@code canAskAgain}, {@code expires} "never" or epoch
 * milliseconds, {@code accessPrivileges}), followed by what Android 14 and iOS add:
 * {@code granularPermissions}, {@code writeOnly} and {@code location}.
 */
final class Permissions {
    private static final String NEVER = "never";

    private Permissions() {}

    static void write(JsonGenerator out, PermissionResponse response) throws IOException {
        out.writeStartObject();
        fields(out, response);
        out.writeEndObject();
    }

    static void write(JsonGenerator out, PermissionRequest request) throws IOException {
        out.writeStartObject();
        fields(out, request.permissions());
        out.writeStringField("requestId", request.requestId());
        out.writeStringField("consentUrl", request.consentUrl());
        out.writeBooleanField("pending", request.pending());
        out.writeEndObject();
    }

    private static void fields(JsonGenerator out, PermissionResponse response) throws IOException {
        out.writeStringField("status", response.status().wireName());
        out.writeBooleanField("granted", response.granted());
        out.writeBooleanField("canAskAgain", response.canAskAgain());
        if (response.expires().isPresent()) {
            out.writeNumberField("expires", response.expires().get().toEpochMilli());
        } else {
            out.writeStringField("expires", NEVER);
        }
        out.writeStringField("accessPrivileges", response.accessPrivileges().wireName());
        out.writeArrayFieldStart("granularPermissions");
        // In the enum's order, so that the same state is always the same text.
        for (GranularPermission permission : GranularPermission.values()) {
            if (response.granularPermissions().contains(permission)) {
                out.writeString(permission.wireName());
            }
        }
        out.writeEndArray();
        out.writeBooleanField("writeOnly", response.writeOnly());
        out.writeBooleanField("location", response.location());
    }

    static PermissionResponse response(JsonParser parser) throws IOException {
        return request(parser).permissions();
    }

    static PermissionRequest request(JsonParser parser) throws IOException {
        var read = new Object() {
            PermissionStatus status = PermissionStatus.UNDETERMINED;
            boolean canAskAgain;
            Optional<Instant> expires = Optional.empty();
            AccessPrivileges privileges = AccessPrivileges.NONE;
            Set<GranularPermission> granular = EnumSet.noneOf(GranularPermission.class);
            boolean writeOnly;
            boolean location;
            String requestId;
            String consentUrl;
            boolean pending;
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "status" -> read.status = PermissionStatus.fromWireName(Fields.string(p));
                case "canAskAgain" -> read.canAskAgain = Fields.bool(p);
                case "expires" -> read.expires = expires(p);
                case "accessPrivileges" -> read.privileges = AccessPrivileges.fromWireName(Fields.string(p));
                case "granularPermissions" -> {
                    for (String permission : Fields.strings(p)) {
                        read.granular.add(GranularPermission.fromWireName(permission));
                    }
                }
                case "writeOnly" -> read.writeOnly = Fields.bool(p);
                case "location" -> read.location = Fields.bool(p);
                case "requestId" -> read.requestId = Fields.string(p);
                case "consentUrl" -> read.consentUrl = Fields.string(p);
                case "pending" -> read.pending = Fields.bool(p);
                // "granted" follows from the status; a newer writer's fields are skipped.
                default -> Fields.skip(p);
            }
        });
        PermissionResponse response = new PermissionResponse(
                read.status,
                read.canAskAgain,
                read.expires,
                read.privileges,
                read.granular,
                read.writeOnly,
                read.location);
        return new PermissionRequest(response, read.requestId, read.consentUrl, read.pending);
    }

    private static Optional<Instant> expires(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (!text.equals(NEVER)) {
                throw new IOException("expected \"never\" or a number for 'expires', found \"" + text + "\"");
            }
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Fields.number(parser)));
    }
}
