package dev.camroll.api;

import java.util.Locale;

/** Whether an app was given what it asked for, as expo's {@code PermissionStatus} says it. */
public enum PermissionStatus {
    /** The person has not answered yet, or a one-time grant has ended. */
    UNDETERMINED,
    /** The person allowed it (all or a selection: see {@link AccessPrivileges}). */
    GRANTED,
    /** The person refused. */
    DENIED;

    /** The lower-case name used in JSON ("undetermined", "granted", "denied"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static PermissionStatus fromWireName(String name) {
        for (PermissionStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw InvalidArgumentException.of("status", "unknown permission status '" + name + "'");
    }
}
