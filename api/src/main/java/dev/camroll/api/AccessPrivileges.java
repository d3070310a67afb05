package dev.camroll.api;

import java.util.Locale;

/**
 * How much of the library an app sees, as expo's {@code accessPrivileges} says it: all of it (of
 * the granted media types), only what the person selected (and what the app created), or nothing.
 */
public enum AccessPrivileges {
    ALL,
    LIMITED,
    NONE;

    /** The lower-case name used in JSON ("all", "limited", "none"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static AccessPrivileges fromWireName(String name) {
        for (AccessPrivileges privileges : values()) {
            if (privileges.wireName().equals(name)) {
                return privileges;
            }
        }
        throw InvalidArgumentException.of("accessPrivileges", "unknown access privileges '" + name + "'");
    }
}
