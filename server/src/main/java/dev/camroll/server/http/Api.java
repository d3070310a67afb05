package dev.camroll.server.http;

/** Where the API lives. */
final class Api {
    /** The root of every route of version 1 of the API. */
    static final String ROOT = "/api/v1";

    private Api() {}
}
