package dev.camroll.core.access;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.PermissionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** How an answer changes a grant: the rules of Android 14 and iOS, in one place. */
final class GrantChanges {
    private GrantChanges() {}

    static Grant afterAnswer(Grant before, ConsentRequest request, ConsentAnswer answer, Instant now) {
        boolean reads = before.readsLibrary();
        // Asking for more media types adds them to those granted before.
        Set<GranularPermission> types = EnumSet.noneOf(GranularPermission.class);
        types.addAll(request.granular());
        if (before.writes()) {
            types.addAll(before.mediaTypes());
        }
        if (request.kind() == ConsentRequest.Kind.RESELECTION && before.writes()) {
            types = EnumSet.copyOf(before.mediaTypes().isEmpty() ? request.granular() : before.mediaTypes());
        }
        // Read access includes adding: an add-only request of an app that reads stays a reading grant.
        boolean writeOnly = request.writeOnly() && !reads;
        return switch (answer) {
            case ConsentAnswer.AllowAll(var location) ->
                before.granted(AccessPrivileges.ALL, types, writeOnly, location, Optional.empty());
            case ConsentAnswer.AllowSelected selected ->
                before.granted(AccessPrivileges.LIMITED, types, false, selected.location(), Optional.empty());
            case ConsentAnswer.AllowOnce(var location, var lifetime) ->
                before.granted(AccessPrivileges.ALL, types, writeOnly, location, Optional.of(now.plus(lifetime)));
            case ConsentAnswer.Deny(var dontAskAgain) -> denied(before, dontAskAgain, now);
        };
    }

    /** A refusal: counted; a grant still running stays, otherwise the app is denied. */
    private static Grant denied(Grant before, boolean dontAskAgain, Instant now) {
        int denials = before.denials() + 1;
        boolean canAskAgain = before.canAskAgain() && !dontAskAgain && denials < Grant.DENIALS_BEFORE_NO_MORE_ASKING;
        boolean running = before.writes() && !before.expiredAt(now);
        return new Grant(
                running ? before.status() : PermissionStatus.DENIED,
                running ? before.privileges() : AccessPrivileges.NONE,
                running ? before.mediaTypes() : Set.of(),
                running && before.writeOnly(),
                running && before.location(),
                running ? before.expires() : Optional.empty(),
                canAskAgain,
                denials,
                before.capabilities(),
                before.latestSelection(),
                before.version());
    }
}
