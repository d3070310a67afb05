package dev.camroll.core.access;

import java.time.Instant;

/** One line of the access log: when an app read or changed which asset, and how. */
public record AccessEntry(Instant time, AppId app, String assetId, AccessOperation operation) {}
