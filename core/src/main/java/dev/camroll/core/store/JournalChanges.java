package dev.camroll.core.store;

import java.util.List;

/**
 * The asset ids that changed between a generation and {@code state}; {@code complete} is false when
 * they cannot be told (the generation is older than the horizon, or there are too many).
 */
public record JournalChanges(
        boolean complete, List<String> inserted, List<String> updated, List<String> deleted, JournalState state) {}
