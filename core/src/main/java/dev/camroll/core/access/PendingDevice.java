package dev.camroll.core.access;

import java.util.Set;

/** A device authorization waiting for the owner's answer: which app asks, and for what. */
public record PendingDevice(App app, Set<String> scopes) {
    public PendingDevice {
        scopes = Set.copyOf(scopes);
    }
}
