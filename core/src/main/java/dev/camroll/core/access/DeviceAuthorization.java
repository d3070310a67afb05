package dev.camroll.core.access;

import java.time.Duration;

/**
 * A device authorization just opened (RFC 8628 3.2): the device code the device polls with, the
 * user code the owner types on the server's page, how long both live and how often to poll.
 */
public record DeviceAuthorization(String deviceCode, String userCode, Duration expiresIn, Duration interval) {}
