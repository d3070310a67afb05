package dev.camroll.core.picker;

import dev.camroll.core.access.AppId;
import java.util.Objects;

/** Who made a picker session, and so the only one who reads it: the owner, or one app. */
public sealed interface Requester {
    /** The library's owner (the owner's token, or the embedding program itself). */
    record Owner() implements Requester {}

    /** An app, whatever its grant: one with no access to the library may still ask the person to pick. */
    record App(AppId app) implements Requester {
        public App {
            Objects.requireNonNull(app, "app");
        }
    }

    static Requester owner() {
        return new Owner();
    }

    static Requester app(AppId app) {
        return new App(app);
    }
}
