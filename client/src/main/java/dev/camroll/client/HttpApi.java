package dev.camroll.client;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.wire.ApiJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calls of the API under {@code /api/v1}, with the owner's token, and the one place where an
 * answer that is not a success becomes the exception the embedded library throws for the same
 * failure (through the error body's code), and where a server out of reach becomes
 * {@link ErrorCode#UNAVAILABLE}.
 */
final class HttpApi implements AutoCloseable {
    private static final String JSON = "application/json";

    /** How long a call may wait for the first byte of its answer; a scan of a big tree takes a while. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(30);

    private final URI apiRoot;
    private final String token;
    private final HttpClient http;

    HttpApi(URI baseUrl, String token) {
        String base = baseUrl.toString();
        this.apiRoot = URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/");
        this.token = token;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A request to a path under the API's root ({@code assets/ID}), with the token. */
    HttpRequest.Builder request(String path, Map<String, String> query) {
        String queryString = query.isEmpty()
                ? ""
                : "?"
                        + query.entrySet().stream()
                                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(apiRoot.resolve(path + queryString))
                .timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    HttpRequest.Builder request(String path) {
        return request(path, Map.of());
    }

    /** GET of a JSON answer. */
    String get(String path, Map<String, String> query) {
        return text(request(path, query).header("Accept", JSON).GET().build());
    }

    String get(String path) {
        return get(path, Map.of());
    }

    /** A JSON body (anything {@link ApiJson} writes) by the method given; the answer's text. */
    String send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(ApiJson.writeLine(body));
        return text(request(path)
                .header("Content-Type", JSON)
                .method(method, publisher)
                .build());
    }

    /** The text of a successful answer; anything else is thrown as the failure it names. */
    String text(HttpRequest request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (!successful(response.statusCode())) {
            throw failure(response.statusCode(), response.body());
        }
        return response.body();
    }

    /** A successful answer as a stream (the caller closes it); anything else is thrown. */
    HttpResponse<InputStream> stream(HttpRequest request) {
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        if (!successful(response.statusCode())) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw failure(response.statusCode(), body);
        }
        return response;
    }

    <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CamrollException(ErrorCode.UNAVAILABLE, "interrupted while calling " + apiRoot, e);
        }
    }

    HttpClient http() {
        return http;
    }

    URI apiRoot() {
        return apiRoot;
    }

    CamrollException unreachable(IOException e) {
        return new CamrollException(
                ErrorCode.UNAVAILABLE, "the server at " + apiRoot + " cannot be reached: " + e.getMessage(), e);
    }

    /**
     * The exception of an error answer: the error body's code and details made back into the
     * engine's exception; a body that is not the API's (a proxy's page, say) by its status.
     */
    static CamrollException failure(int status, String body) {
        try {
            return ApiJson.readError(body).toException();
        } catch (CamrollException notTheApisError) {
            ErrorCode code =
                    switch (status) {
                        case 401 -> ErrorCode.UNAUTHORIZED;
                        case 403 -> ErrorCode.FORBIDDEN;
                        case 404 -> ErrorCode.NOT_FOUND;
                        case 413 -> ErrorCode.TOO_LARGE;
                        case 502, 503, 504 -> ErrorCode.UNAVAILABLE;
                        default -> ErrorCode.INTERNAL;
                    };
            return new CamrollException(code, "HTTP status " + status + " without the API's error body");
        }
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    /** A path segment or query value, percent-encoded. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
