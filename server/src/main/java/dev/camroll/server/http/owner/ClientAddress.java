package dev.camroll.server.http.owner;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;

/**
 * The address a request came from, for the sign-in's slow-down and the bound on registrations. Behind a reverse proxy (a
 * {@code --base-url} and the request coming from this machine) it is the last address of
 * {@code X-Forwarded-For}, the one the proxy added; anywhere else the header is ignored, since
 * anyone could send a new one with each guess.
 */
public final class ClientAddress {
    private ClientAddress() {}

    public static String of(Context ctx, URI baseUrl) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (baseUrl == null || forwarded == null || !isLoopback(peer)) {
            return peer;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? peer : last;
    }

    private static boolean isLoopback(String address) {
        try {
            // A literal address: no name is looked up.
            return InetAddress.ofLiteral(address).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
