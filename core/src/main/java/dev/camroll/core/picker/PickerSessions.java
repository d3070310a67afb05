package dev.camroll.core.picker;

import dev.camroll.api.picker.PickerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The picker's sessions, in the flow of Google Photos' Picker API with expo-image-picker's
 * options and results: a maker (an app, or the owner) creates a session; the person answers it
 * ({@link #complete} or {@link #cancel}, from the server's page or an embedding program's own
 * UI); the maker reads the result ({@link #get}, {@link #await}, or {@link #pendingResults} when
 * it was away) until it deletes the session or the session expires. A session is the maker's
 * alone: another maker, or a wrong id, finds nothing, exactly as for a session that never was.
 */
public interface PickerSessions {
    /** How long a session lives unless asked otherwise (Google's sessions and expo's results alike). */
    Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);

    /** The longest lifetime a session may ask. */
    Duration LONGEST_LIFETIME = Duration.ofHours(24);

    /** A new session waiting for the person, living {@link #DEFAULT_LIFETIME}. */
    default PickerSession create(Requester maker, PickerOptions options) {
        return create(maker, options, DEFAULT_LIFETIME);
    }

    /**
     * A new session waiting for the person.
     *
     * @param lifetime how long the session and its result files live, at most {@link #LONGEST_LIFETIME}
     */
    PickerSession create(Requester maker, PickerOptions options, Duration lifetime);

    /**
     * The session as its maker sees it; empty for another maker, an unknown id, or one deleted.
     * Reading a completed session's result marks it fetched: it is no longer a pending result.
     */
    Optional<PickerSession> get(Requester maker, String id);

    /** {@link #get}, once the session is no longer waiting or {@code timeout} has passed (a long poll). */
    Optional<PickerSession> await(Requester maker, String id, Duration timeout);

    /**
     * The session for the person who answers it (the owner's page, or the embedding program):
     * its options and state, whoever made it.
     */
    Optional<PickerSession> forPerson(String id);

    /**
     * Answers a waiting session with the person's choice: the result files are made, then the
     * session is picked.
     *
     * @throws dev.camroll.api.InvalidArgumentException (naming the option or part of the choice)
     *     when the choice does not fit the options
     * @throws dev.camroll.api.NotFoundException for an unknown session, or assets not in the library
     * @throws PickerSessionClosedException when the session is no longer waiting
     */
    PickerSession complete(String id, PickerChoice choice);

    /** Answers a waiting session with the person's cancel ({@code canceled: true}). */
    PickerSession cancel(String id);

    /** Deletes a session of this maker with its result files; false when it has none of that id. */
    boolean delete(Requester maker, String id);

    /**
     * expo's getPendingResult: the sessions of this maker completed and not read yet (not
     * expired), oldest first, each handed over once.
     */
    List<PickerSession> pendingResults(Requester maker);

    /** The file of result {@code position} (from 0) of a picked session of this maker, while it lives. */
    Optional<ResultFile> resultFile(Requester maker, String id, int position);

    /** Deletes the sessions that expired, with their files; returns how many. */
    int purgeExpired();
}
