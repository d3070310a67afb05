package dev.camroll.core.access;

import java.util.Optional;

/**
 * How an embedding program answers its apps' requests (its own consent dialog): called on the
 * thread of the app's request; an empty answer leaves the request pending, for the consent page
 * or a later {@link AppGrants#answer}.
 */
@FunctionalInterface
public interface ConsentHandler {
    Optional<ConsentAnswer> answer(ConsentRequest request);
}
