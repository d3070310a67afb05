package dev.camroll.server.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner's browser as the consent pages see it, over plain HTTP: signed in with a session
 * cookie, reading a page's form and posting it back as a browser of this site would.
 */
final class OwnerBrowser {
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final TestServer server;
    final String cookie;

    private OwnerBrowser(TestServer server, String cookie) {
        this.server = server;
        this.cookie = cookie;
    }

    static OwnerBrowser signIn(TestServer server) {
        HttpResponse<String> session = server.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + server.token + "\"}"))
                .build());
        String setCookie = session.headers().firstValue("Set-Cookie").orElseThrow();
        return new OwnerBrowser(server, setCookie.substring(0, setCookie.indexOf(';')));
    }

    HttpResponse<String> get(URI uri) {
        return server.send(
                HttpRequest.newBuilder(uri).header("Cookie", cookie).GET().build());
    }

    /** The hidden fields of the page's form, with the answer and the location box added. */
    static Map<String, String> answer(String page, String answer, boolean location) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        fields.put("answer", answer);
        if (location) {
            fields.put("location", "yes");
        }
        return fields;
    }

    /** Posts a form as a page of this site does (Sec-Fetch-Site: same-origin), or as another site's. */
    HttpResponse<String> post(String path, Map<String, String> fields, String fetchSite) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", fetchSite)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
