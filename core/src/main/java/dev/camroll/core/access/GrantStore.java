package dev.camroll.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where grants, selections, what apps created and consent requests are kept: the index (the
 * store's {@code SqlGrants}), so that every process of a library shares them. Each write is one
 * transaction of the index and stamps the grant with its change generation as its version.
 */
public interface GrantStore {
    /** The stored grant of an app; empty for an app never seen. */
    Optional<Grant> find(AppId app);

    /**
     * Stores an app's grant, and when given a new selection in place of the old one (items and
     * albums kept from the old one keep their selection number; new ones get the next).
     *
     * @return the grant as stored, at its new version and selection number
     * @throws dev.camroll.api.NotFoundException naming the ids of a selection that are no asset or album
     */
    Grant save(AppId app, Grant grant, Optional<Selection> selection);

    /**
     * {@link #save} and marks the request answered, in one transaction; empty (and nothing
     * written) when the request was answered already.
     */
    Optional<Grant> answer(String requestId, Instant answeredAt, Grant grant, Optional<Selection> selection);

    /** The current selection of an app. */
    Selection selection(AppId app);

    /** Records that an app created an asset, so that it sees (and may change) it. */
    void recordCreated(AppId app, String assetId);

    /** Whether an app created an asset. */
    boolean created(AppId app, String assetId);

    /**
     * Keeps a new request, one pending per app, in one transaction: a pending request that asks
     * the same is returned in its place (nothing written); a pending one that asks something else
     * is marked answered and superseded by the new one. A request answered at once is kept as it
     * is, the pending one left alone.
     *
     * @return the request that stands for what was asked: the new one or the pending one joined
     */
    ConsentRequest open(ConsentRequest request);

    Optional<ConsentRequest> request(String id);

    /** The requests not answered yet, oldest first. */
    List<ConsentRequest> pending();

    /** Keeps a new change request. */
    void openChange(ChangeRequest request);

    Optional<ChangeRequest> change(String id);

    /** The change requests not answered yet, oldest first. */
    List<ChangeRequest> pendingChanges();

    /** Marks a change request answered; false (and nothing written) when it was answered already. */
    boolean answerChange(String id, Instant answeredAt, boolean confirmed);
}
