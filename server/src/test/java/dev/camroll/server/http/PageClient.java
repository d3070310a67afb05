package dev.camroll.server.http;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's side of the owner's pages, over the JDK's client: it keeps the session cookie it is
 * given and posts forms with the headers a browser sends for a page of the same origin.
 */
final class PageClient {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final TestServer server;
    private final Map<String, String> headers = new LinkedHashMap<>();
    String cookie;

    PageClient(TestServer server) {
        this.server = server;
        headers.put("Origin", "http://127.0.0.1:" + server.server.port());
        headers.put("Sec-Fetch-Site", "same-origin");
    }

    /** Sends these headers with every form instead of a same-origin page's (null removes one). */
    PageClient withHeader(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return keepCookie(server.send(builder(pathAndQuery).GET().build()));
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        HttpRequest.Builder request = builder(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        headers.forEach(request::header);
        return keepCookie(server.send(request.build()));
    }

    /** The form token of a page of the owner. */
    static String formToken(HttpResponse<String> page) {
        Matcher matcher = FORM_TOKEN.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no form token in " + page.body());
        }
        return matcher.group(1);
    }

    static String setCookie(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
    }

    private HttpRequest.Builder builder(String pathAndQuery) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private HttpResponse<String> keepCookie(HttpResponse<String> response) {
        response.headers().firstValue("Set-Cookie").ifPresent(set -> {
            String pair = set.substring(0, set.indexOf(';'));
            cookie = pair.endsWith("=") ? null : pair;
        });
        return response;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
