package dev.camroll.core.access;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.PermissionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the owner granted one app, as stored: the answer to its requests (or the owner's direct
 * setting) and what the answers led to.
 *
 * @param status undetermined (never answered, revoked, or a one-time grant that ended), granted or denied
 * @param privileges all, limited (the selection, plus what the app created) or none
 * @param mediaTypes the media types the app may see (and create)
 * @param writeOnly add-only: the app creates and saves, and reads only what it created
 * @param location whether the app sees where photos and videos were taken
 * @param expires when a one-time grant ends; empty for never
 * @param canAskAgain false after two refusals or a "don't ask again"
 * @param denials how many times the person refused this app
 * @param capabilities what the app may do beside the library (the camera, the picker)
 * @param latestSelection the number of the person's most recent selection for this app, 0 for none
 * @param version changes on every change of the grant (the library's change generation of that
 *     change), so that a change token handed out before it asks for a full reload
 */
public record Grant(
        PermissionStatus status,
        AccessPrivileges privileges,
        Set<GranularPermission> mediaTypes,
        boolean writeOnly,
        boolean location,
        Optional<Instant> expires,
        boolean canAskAgain,
        int denials,
        Set<AppCapability> capabilities,
        long latestSelection,
        long version) {
    /** Refusals after which an app may not ask again, as Android counts them. */
    public static final int DENIALS_BEFORE_NO_MORE_ASKING = 2;

    public Grant {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(privileges, "privileges");
        Objects.requireNonNull(expires, "expires");
        mediaTypes = mediaTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mediaTypes));
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        if (denials < 0) {
            throw InvalidArgumentException.of("denials", "denials cannot be negative");
        }
    }

    /** An app never answered: sees nothing, may ask. */
    public static Grant undetermined() {
        return new Grant(
                PermissionStatus.UNDETERMINED,
                AccessPrivileges.NONE,
                Set.of(),
                false,
                false,
                Optional.empty(),
                true,
                0,
                Set.of(),
                0,
                0);
    }

    /** Every asset of these media types, for ever (the owner's direct setting, "Allow all"). */
    public static Grant all(Set<GranularPermission> mediaTypes, boolean location) {
        return undetermined().granted(AccessPrivileges.ALL, mediaTypes, false, location, Optional.empty());
    }

    /** The selection (and what the app created) of these media types. */
    public static Grant limited(Set<GranularPermission> mediaTypes, boolean location) {
        return undetermined().granted(AccessPrivileges.LIMITED, mediaTypes, false, location, Optional.empty());
    }

    /** Add-only: creates and saves assets of these media types, reads only what it created. */
    public static Grant writeOnly(Set<GranularPermission> mediaTypes) {
        return undetermined().granted(AccessPrivileges.ALL, mediaTypes, true, false, Optional.empty());
    }

    /** This grant, granted as said (denials and asking kept). */
    public Grant granted(
            AccessPrivileges privileges,
            Set<GranularPermission> mediaTypes,
            boolean writeOnly,
            boolean location,
            Optional<Instant> expires) {
        return new Grant(
                PermissionStatus.GRANTED,
                privileges,
                mediaTypes,
                writeOnly,
                location,
                expires,
                canAskAgain,
                denials,
                capabilities,
                latestSelection,
                version);
    }

    /** This grant with these capabilities beside the library. */
    public Grant withCapabilities(Set<AppCapability> capabilities) {
        return new Grant(
                status,
                privileges,
                mediaTypes,
                writeOnly,
                location,
                expires,
                canAskAgain,
                denials,
                capabilities,
                latestSelection,
                version);
    }

    /** This grant as stored at a version (and a selection number). */
    public Grant at(long version, long latestSelection) {
        return new Grant(
                status,
                privileges,
                mediaTypes,
                writeOnly,
                location,
                expires,
                canAskAgain,
                denials,
                capabilities,
                latestSelection,
                version);
    }

    /** Whether a one-time grant has ended at this time. */
    public boolean expiredAt(Instant now) {
        return expires.isPresent() && !now.isBefore(expires.get());
    }

    /** Whether this grant lets the app read assets it did not create. */
    public boolean readsLibrary() {
        return status == PermissionStatus.GRANTED && !writeOnly && privileges != AccessPrivileges.NONE;
    }

    /** Whether this grant lets the app create and save assets. */
    public boolean writes() {
        return status == PermissionStatus.GRANTED && privileges != AccessPrivileges.NONE;
    }
}
