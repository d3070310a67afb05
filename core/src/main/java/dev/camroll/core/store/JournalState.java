package dev.camroll.core.store;

/**
 * Where the change journal stands.
 *
 * @param libraryId tells this index from any other
 * @param generation the generation of the last committed write
 * @param horizon the oldest generation changes can still be told from
 */
public record JournalState(String libraryId, long generation, long horizon) {}
