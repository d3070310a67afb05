package dev.camroll.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one app may do with the library, as expo-media-library's {@code PermissionResponse} gives
 * it, with the parts Android 14 and iOS add: which media types (granular permissions), add-only
 * access, and whether the app sees where photos were taken.
 *
 * @param status whether the person answered and how
 * @param canAskAgain false once the person refused twice or chose "don't ask again"
 * @param expires when a one-time grant ends; empty for "never"
 * @param accessPrivileges all, limited (the person's selection and what the app created) or none
 * @param granularPermissions the media types granted
 * @param writeOnly whether the grant is add-only: create and save, and read only what the app created
 * @param location whether the app sees locations (without it, GPS is taken out of all it reads)
 */
public record PermissionResponse(
        PermissionStatus status,
        boolean canAskAgain,
        Optional<Instant> expires,
        AccessPrivileges accessPrivileges,
        Set<GranularPermission> granularPermissions,
        boolean writeOnly,
        boolean location) {
    public PermissionResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(accessPrivileges, "accessPrivileges");
        granularPermissions = Set.copyOf(granularPermissions);
    }

    /** expo's {@code granted}: the status is granted. */
    public boolean granted() {
        return status == PermissionStatus.GRANTED;
    }

    /** What the owner of the library has: everything, for ever. */
    public static PermissionResponse owner() {
        return new PermissionResponse(
                PermissionStatus.GRANTED,
                true,
                Optional.empty(),
                AccessPrivileges.ALL,
                Set.of(GranularPermission.values()),
                false,
                true);
    }
}
