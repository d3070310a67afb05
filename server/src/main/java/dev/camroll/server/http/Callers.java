package dev.camroll.server.http;

import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.Scope;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.core.library.ScopedLibrary;
import io.javalin.http.Context;

/**
 * The one place where the caller of a request becomes the library it sees: the owner's view for
 * the owner, the app's own view for an app. Every route takes its library from here for each
 * request, so no route holds a library of its own and none has a check of its own.
 */
final class Callers {
    static final String ATTRIBUTE = "camroll.caller";

    private final LocalMediaLibrary library;
    private final ScopedLibrary owner;
    private final AppRegistry apps;

    Callers(LocalMediaLibrary library, AppRegistry apps) {
        this.library = library;
        this.owner = library.scoped(Scope.owner());
        this.apps = apps;
    }

    /** The caller {@link Authentication} found for this request. */
    static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw ApiException.unauthorized("not signed in");
        }
        return caller;
    }

    /** The library the caller of this request sees. */
    ScopedLibrary library(Context ctx) {
        return library(of(ctx));
    }

    /** The library a caller sees; an app's scope is read again from its grant on every call. */
    ScopedLibrary library(Caller caller) {
        return switch (caller) {
            case Caller.Owner ignored -> owner;
            case Caller.OfApp app -> library.forApp(app.app());
        };
    }

    /** The owner's view of the library, for the server's own work (the event hub's wake-ups). */
    ScopedLibrary owner() {
        return owner;
    }

    AppRegistry apps() {
        return apps;
    }

    /** Whether a caller found earlier may still be served (an app's authorization may have ended since). */
    boolean stillValid(Caller caller) {
        return switch (caller) {
            case Caller.Owner ignored -> true;
            case Caller.OfApp app -> apps.authorizationActive(app.app(), app.authorization());
        };
    }
}
