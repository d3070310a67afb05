package dev.camroll.server.http.oauth;

import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Authorized;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.access.OAuthScopes;
import dev.camroll.core.access.Selection;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The owner's answer on the consent page, recorded where every grant lives: a consent request of
 * the app for what it asks, answered as the owner chose, so that the app's grant (and so what it
 * sees) changes at once. The tokens then carry the grant as it is after the answer.
 */
final class Consents {
    private final AppGrants grants;
    /** "Allow this time only" lasts as long as the one access token it gives. */
    private final Duration onceLifetime;

    Consents(AppGrants grants, Duration onceLifetime) {
        this.grants = grants;
        this.onceLifetime = onceLifetime;
    }

    /** What the selection page starts from: the app's current selection. */
    Selection current(AppId app) {
        return grants.selection(app);
    }

    AppGrants grants() {
        return grants;
    }

    /** Records the answer; what the app's tokens carry, or empty when the owner did not allow it. */
    Optional<Authorized> record(AppId app, Set<String> asked, ConsentPage.Answer answer, boolean location) {
        return record(app, asked, answer, location, Selection.empty());
    }

    /** Records the answer; for "Select photos and videos", the selection made on the selection page. */
    Optional<Authorized> record(
            AppId app, Set<String> asked, ConsentPage.Answer answer, boolean location, Selection selection) {
        ConsentRequest request = grants.request(app, RequestedScopes.writeOnly(asked), RequestedScopes.granular(asked));
        boolean shareLocation = location && asked.contains(OAuthScopes.MEDIA_LOCATION);
        ConsentAnswer given =
                switch (answer) {
                    case ALL -> new ConsentAnswer.AllowAll(shareLocation);
                    case SELECTED ->
                        new ConsentAnswer.AllowSelected(selection.assetIds(), selection.albumIds(), shareLocation);
                    case ONCE -> new ConsentAnswer.AllowOnce(shareLocation, onceLifetime);
                    case DENY -> new ConsentAnswer.Deny(false);
                };
        // A request with nothing left to ask (the app has it, or may not ask again) was answered at once.
        if (request.pending()) {
            grants.answer(request.id(), given);
        }
        if (answer == ConsentPage.Answer.DENY) {
            return Optional.empty();
        }
        return Optional.of(new Authorized(OAuthScopes.of(grants.grant(app)), answer == ConsentPage.Answer.ONCE));
    }
}
