package dev.camroll.client;

import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaType;
import dev.camroll.api.PermissionResponse;
import dev.camroll.wire.ApiJson;
import dev.camroll.wire.PermissionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** expo-media-library's permission calls over the server's {@code /permissions} routes. */
final class PermissionCalls {
    private final HttpApi api;

    PermissionCalls(HttpApi api) {
        this.api = api;
    }

    PermissionResponse get(boolean writeOnly, Set<GranularPermission> granular) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("writeOnly", Boolean.toString(writeOnly));
        if (granular != null && !granular.isEmpty()) {
            query.put("granular", String.join(",", wireNames(granular)));
        }
        return ApiJson.readPermissionResponse(api.get("permissions", query));
    }

    PermissionRequest request(boolean writeOnly, Set<GranularPermission> granular, Duration wait) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("writeOnly", writeOnly);
        body.put("granularPermissions", granular == null ? List.of() : wireNames(granular));
        // Milliseconds as a decimal number of seconds, as the route takes them.
        body.put("wait", wait.toMillis() / 1000.0);
        return ApiJson.readPermissionRequest(api.send("POST", "permissions/request", body));
    }

    PermissionRequest picker(Set<MediaType> mediaTypes) {
        List<String> names = new ArrayList<>();
        if (mediaTypes != null) {
            for (MediaType type : MediaType.values()) {
                if (mediaTypes.contains(type)) {
                    names.add(type.wireName());
                }
            }
        }
        return ApiJson.readPermissionRequest(api.send("POST", "permissions/picker", Map.of("mediaTypes", names)));
    }

    private static List<String> wireNames(Set<GranularPermission> granular) {
        List<String> names = new ArrayList<>();
        for (GranularPermission permission : GranularPermission.values()) {
            if (granular.contains(permission)) {
                names.add(permission.wireName());
            }
        }
        return names;
    }
}
