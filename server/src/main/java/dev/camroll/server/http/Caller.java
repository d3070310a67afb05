package dev.camroll.server.http;

import dev.camroll.core.access.AppId;

/**
 * Who a request comes from, as {@link Authentication} found it: the owner (by token, session or
 * a URL signed for the owner) or an app (by one of its access tokens, or a URL signed for one).
 * The identity binds what is signed for the caller: a media URL works for that caller only, and
 * dies when the owner's token changes or the app's authorization ends.
 */
sealed interface Caller {
    /** What URLs signed for this caller are bound to. */
    String identity();

    /** The owner of the library; the identity names the owner's current token. */
    record Owner(String identity) implements Caller {}

    /** An app, through the authorization (every token one consent gave) its token belongs to. */
    record OfApp(AppId app, String authorization) implements Caller {
        /** How the signed URLs of the app name it, in their {@code app} parameter. */
        String signedName() {
            return app.value() + "." + authorization;
        }

        @Override
        public String identity() {
            return "app:" + signedName();
        }

        /** The app a signed URL's {@code app} parameter names, or null when it is not of that form. */
        static OfApp fromSignedName(String name) {
            int dot = name == null ? -1 : name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                return null;
            }
            try {
                return new OfApp(new AppId(name.substring(0, dot)), name.substring(dot + 1));
            } catch (dev.camroll.api.InvalidArgumentException e) {
                return null;
            }
        }
    }
}
