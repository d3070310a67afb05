package dev.camroll.core.access;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.store.AppStore;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.TokenStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The apps of a library and the tokens they hold: apps registered by themselves (RFC 7591, their
 * redirect URIs bound then) or added by the owner, access tokens (an hour by default), refresh
 * tokens that replace themselves on each use (one used twice revokes all its family: it was
 * copied), authorization codes (one use, 60 s, bound to the app, the redirect URI and the PKCE
 * challenge) and device authorizations (RFC 8628). Every token and code is 256 random bits,
 * stored only as its SHA-256 hash and found by looking the hash up.
 *
 * <p>A token says which app calls; what the app may see is its grant's business, read on every
 * call. The scopes a token carries are OAuth's words for that grant, kept as strings here: those
 * of the consent that gave it, and on each refresh the grant as it stands then.
 */
public final class AppRegistry {
    public static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    public static final Duration DEVICE_LIFETIME = Duration.ofMinutes(10);
    public static final Duration DEVICE_INTERVAL = Duration.ofSeconds(5);
    /**
     * At most this many self-registered apps wait for the owner's consent at once. Registration is
     * open to anyone (RFC 7591), so without a bound a script could fill the index with apps; a
     * real app asks for consent within minutes of registering, so a hundred is far more than any
     * owner has waiting.
     */
    public static final int WAITING_REGISTRATIONS = 100;
    /**
     * A self-registered app the owner has not answered within this time is deleted (at the next
     * registration): a flood keeps real apps out for a day at most, and leaves no litter behind.
     */
    public static final Duration WAITING_LIFETIME = Duration.ofDays(1);

    private final AppStore apps;
    private final TokenStore tokens;
    private final Clock clock;
    private final Duration accessLifetime;

    private AppRegistry(AppStore apps, TokenStore tokens, Clock clock, Duration accessLifetime) {
        this.apps = apps;
        this.tokens = tokens;
        this.clock = clock;
        this.accessLifetime = accessLifetime;
    }

    /** The apps of the library whose index this is. */
    public static AppRegistry of(Database database) {
        return new AppRegistry(new AppStore(database), new TokenStore(database), Clock.systemUTC(), ACCESS_LIFETIME);
    }

    /** The same registry on another clock (for a test of what a day does). */
    AppRegistry withClock(Clock other) {
        return new AppRegistry(apps, tokens, other, accessLifetime);
    }

    /** The same registry, giving access tokens that live {@code lifetime}. */
    public AppRegistry withAccessLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw InvalidArgumentException.of("accessLifetime", "an access token's lifetime must be positive");
        }
        return new AppRegistry(apps, tokens, clock, lifetime);
    }

    /**
     * Registers an app with the redirect URIs it will name (RFC 7591); it has no access until the
     * owner grants it.
     *
     * @throws RegistrationsFullException when {@link #WAITING_REGISTRATIONS} apps wait for consent already
     */
    public App register(String name, List<String> redirectUris) {
        if (redirectUris.isEmpty()) {
            throw InvalidArgumentException.of("redirect_uris", "an app that registers names at least one redirect URI");
        }
        List<String> checked = redirectUris.stream().map(RedirectUris::checked).toList();
        return insertWaiting(row(name, checked));
    }

    /**
     * Registers an app of the device flow only (a TV, a frame): no redirect URI.
     *
     * @throws RegistrationsFullException when {@link #WAITING_REGISTRATIONS} apps wait for consent already
     */
    public App registerForDevice(String name) {
        return insertWaiting(row(name, List.of()));
    }

    /** Adds an app by the owner's hand: no redirect URI, since its token is handed over directly. */
    public App add(String name) {
        AppStore.AppRow row = row(name, List.of());
        apps.insert(row);
        return app(row);
    }

    private App insertWaiting(AppStore.AppRow row) {
        long now = now();
        OptionalLong oldest = apps.insertUnlessFull(row, WAITING_REGISTRATIONS, now - WAITING_LIFETIME.toMillis());
        if (oldest.isPresent()) {
            long expiresAt = oldest.getAsLong() + WAITING_LIFETIME.toMillis();
            throw new RegistrationsFullException(Duration.ofMillis(Math.max(1_000, expiresAt - now)));
        }
        return app(row);
    }

    private AppStore.AppRow row(String name, List<String> redirectUris) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw InvalidArgumentException.of("client_name", "an app's name is 1 to 100 printable characters");
        }
        return new AppStore.AppRow(AppSecrets.appId(), trimmed, redirectUris, now(), null);
    }

    /** The app of this id, revoked or not. */
    public Optional<App> find(AppId id) {
        return apps.byId(id.value()).map(AppRegistry::app);
    }

    /** An app that exists and is not revoked. */
    public Optional<App> active(AppId id) {
        return find(id).filter(app -> !app.isRevoked());
    }

    /** Every app, revoked ones included, oldest first. */
    public List<App> list() {
        return apps.all().stream().map(AppRegistry::app).toList();
    }

    /** Revokes an app: its tokens and codes stop working at once. False when unknown or revoked already. */
    public boolean revoke(AppId id) {
        return apps.revoke(id.value(), now());
    }

    /** New tokens for an app, given directly (an app the owner added, or a grant just made). */
    public IssuedTokens issue(AppId app, Set<String> scopes) {
        requireActive(app);
        IssuedTokens issued = newTokens(scopes, false);
        tokens.insertTokens(app.value(), AppSecrets.token(), joined(scopes), now(), newRows(issued));
        return issued;
    }

    /** What a presented access token stands for: empty when unknown, expired, revoked or of a revoked app. */
    public Optional<AppToken> authenticate(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            return Optional.empty();
        }
        return tokens.token(AppSecrets.sha256(accessToken))
                .filter(row -> "access".equals(row.kind())
                        && row.revokedAt() == null
                        && !row.appRevoked()
                        && row.expiresAt() > now())
                .map(row -> new AppToken(
                        new AppId(row.appId()),
                        row.family(),
                        split(row.scope()),
                        Instant.ofEpochMilli(row.expiresAt())));
    }

    /**
     * Whether an authorization of the app still holds a token that is not revoked or expired: the
     * media URLs signed for one of its tokens work as long as it does.
     */
    public boolean authorizationActive(AppId app, String authorization) {
        return tokens.familyActive(app.value(), authorization, now());
    }

    /** An authorization code for the app, after the owner allowed it; bound to the redirect URI and challenge. */
    public String newCode(AppId app, String redirectUri, String codeChallenge, Authorized authorized) {
        requireActive(app);
        String code = AppSecrets.token();
        tokens.insertCode(
                AppSecrets.sha256(code),
                new TokenStore.CodeRow(
                        app.value(),
                        redirectUri,
                        codeChallenge,
                        joined(authorized.scopes()),
                        AppSecrets.token(),
                        authorized.once(),
                        now() + CODE_LIFETIME.toMillis(),
                        null));
        return code;
    }

    /**
     * Trades a code for tokens (RFC 6749 4.1.3, RFC 7636 4.6): once, within its minute, by the app
     * it was made for, with the same redirect URI and the verifier of its challenge. Any attempt
     * uses the code up; a second one also revokes the tokens the first gave.
     */
    public IssuedTokens redeemCode(AppId app, String code, String redirectUri, String codeVerifier) {
        requireActive(app);
        TokenStore.CodeRow row = tokens.useCode(AppSecrets.sha256(code == null ? "" : code), now())
                .orElseThrow(() -> invalidGrant("the code is not valid"));
        if (row.usedAt() != null) {
            throw invalidGrant("the code was used already; the tokens it gave are revoked");
        }
        if (!row.appId().equals(app.value())) {
            throw invalidGrant("the code was not made for this app");
        }
        if (row.expiresAt() <= now()) {
            throw invalidGrant("the code has expired");
        }
        if (!row.redirectUri().equals(redirectUri)) {
            throw invalidGrant("redirect_uri is not the one of the authorization request");
        }
        if (!AppSecrets.verifierMatches(codeVerifier, row.codeChallenge())) {
            throw invalidGrant("code_verifier does not match the code_challenge");
        }
        IssuedTokens issued = newTokens(split(row.scope()), row.once());
        tokens.insertTokens(app.value(), row.family(), row.scope(), now(), newRows(issued));
        return issued;
    }

    /**
     * Trades a refresh token for new tokens; the old one is used up (used again, it revokes its
     * family). The new tokens carry {@code grantNow}, the app's grant as it stands (the owner may
     * have changed it since the consent), as their scopes: an app reads its grant from its token.
     */
    public IssuedTokens refresh(AppId app, String refreshToken, Grant grantNow) {
        requireActive(app);
        Set<String> scopes = OAuthScopes.of(grantNow);
        long now = now();
        String access = AppSecrets.token();
        String refresh = AppSecrets.token();
        TokenStore.NewToken[] rows = {
            new TokenStore.NewToken(AppSecrets.sha256(access), "access", now + accessLifetime.toMillis()),
            new TokenStore.NewToken(AppSecrets.sha256(refresh), "refresh", now + REFRESH_LIFETIME.toMillis())
        };
        TokenStore.TokenRow before = tokens.rotate(
                        AppSecrets.sha256(refreshToken == null ? "" : refreshToken),
                        app.value(),
                        now,
                        joined(scopes),
                        rows)
                .orElseThrow(() -> invalidGrant("the refresh token is not valid"));
        if (!before.appId().equals(app.value()) || !"refresh".equals(before.kind())) {
            throw invalidGrant("the refresh token is not valid");
        }
        if (before.usedAt() != null) {
            throw invalidGrant("the refresh token was used already; every token of its grant is revoked");
        }
        if (before.revokedAt() != null || before.appRevoked() || before.expiresAt() <= now) {
            throw invalidGrant("the refresh token is revoked or has expired");
        }
        return new IssuedTokens(access, refresh, accessLifetime, scopes);
    }

    /** Revokes a token of the app and every token of its grant (RFC 7009); an unknown token is no error. */
    public void revokeToken(AppId app, String token) {
        if (token != null) {
            tokens.revokeFamilyOf(AppSecrets.sha256(token), app.value(), now());
        }
    }

    /** Opens a device authorization (RFC 8628 3.1) that the owner answers on the server's page. */
    public DeviceAuthorization startDevice(AppId app, Set<String> scopes) {
        requireActive(app);
        String deviceCode = AppSecrets.token();
        String userCode = AppSecrets.userCode();
        tokens.insertDevice(
                AppSecrets.sha256(deviceCode),
                AppSecrets.sha256(AppSecrets.normalizedUserCode(userCode)),
                app.value(),
                joined(scopes),
                now() + DEVICE_LIFETIME.toMillis());
        return new DeviceAuthorization(deviceCode, userCode, DEVICE_LIFETIME, DEVICE_INTERVAL);
    }

    /** The device authorization a typed user code names, while it waits for an answer. */
    public Optional<PendingDevice> pendingDevice(String userCode) {
        return pendingRow(userCode)
                .flatMap(row -> active(new AppId(row.appId())).map(app -> new PendingDevice(app, split(row.scope()))));
    }

    /** The owner's answer to a device authorization: the scopes granted, or empty for a refusal. */
    public boolean answerDevice(String userCode, Optional<Authorized> granted) {
        return pendingRow(userCode)
                .map(row -> tokens.answerDevice(
                        row.hash(),
                        granted.map(authorized -> joined(authorized.scopes())).orElse(null),
                        granted.map(Authorized::once).orElse(false)))
                .orElse(false);
    }

    /** A device's poll (RFC 8628 3.4): its tokens once the owner allowed, else why not yet or not at all. */
    public IssuedTokens pollDevice(AppId app, String deviceCode) {
        requireActive(app);
        byte[] hash = AppSecrets.sha256(deviceCode == null ? "" : deviceCode);
        TokenStore.DeviceRow row = tokens.deviceByCode(hash)
                .filter(device -> device.appId().equals(app.value()))
                .orElseThrow(() -> invalidGrant("the device code is not valid"));
        switch (row.state()) {
            case "denied" -> throw new AppTokenException(TokenError.ACCESS_DENIED, "the owner did not allow it");
            case "used" -> throw invalidGrant("the device code was used already");
            case "pending" -> {
                if (row.expiresAt() <= now()) {
                    throw new AppTokenException(TokenError.EXPIRED_TOKEN, "the device code has expired");
                }
                throw new AppTokenException(TokenError.AUTHORIZATION_PENDING, "the owner has not answered yet");
            }
            default -> {
                // approved
            }
        }
        IssuedTokens issued = newTokens(split(row.grantedScope()), row.once());
        if (!tokens.redeemDevice(hash, AppSecrets.token(), now(), newRows(issued))) {
            throw invalidGrant("the device code was used already");
        }
        return issued;
    }

    private Optional<TokenStore.DeviceRow> pendingRow(String userCode) {
        if (userCode == null) {
            return Optional.empty();
        }
        return tokens.deviceByUserCode(AppSecrets.sha256(AppSecrets.normalizedUserCode(userCode)))
                .filter(row -> "pending".equals(row.state()) && row.expiresAt() > now());
    }

    /** An access token, and a refresh token unless the grant is for this time only. */
    private IssuedTokens newTokens(Set<String> scopes, boolean once) {
        return new IssuedTokens(AppSecrets.token(), once ? null : AppSecrets.token(), accessLifetime, scopes);
    }

    private TokenStore.NewToken[] newRows(IssuedTokens issued) {
        long now = now();
        if (issued.refreshToken() == null) {
            return new TokenStore.NewToken[] {
                new TokenStore.NewToken(
                        AppSecrets.sha256(issued.accessToken()), "access", now + accessLifetime.toMillis())
            };
        }
        return new TokenStore.NewToken[] {
            new TokenStore.NewToken(AppSecrets.sha256(issued.accessToken()), "access", now + accessLifetime.toMillis()),
            new TokenStore.NewToken(
                    AppSecrets.sha256(issued.refreshToken()), "refresh", now + REFRESH_LIFETIME.toMillis())
        };
    }

    private void requireActive(AppId app) {
        if (active(app).isEmpty()) {
            throw new AppTokenException(TokenError.INVALID_CLIENT, "no app " + app + " (unknown or revoked)");
        }
    }

    private static AppTokenException invalidGrant(String message) {
        return new AppTokenException(TokenError.INVALID_GRANT, message);
    }

    private long now() {
        return clock.millis();
    }

    private static App app(AppStore.AppRow row) {
        return new App(
                new AppId(row.id()),
                row.name(),
                row.redirectUris().stream().map(URI::create).toList(),
                Instant.ofEpochMilli(row.addedAt()),
                Optional.ofNullable(row.revokedAt()).map(Instant::ofEpochMilli));
    }

    private static String joined(Set<String> scopes) {
        return String.join(" ", new java.util.TreeSet<>(scopes));
    }

    private static Set<String> split(String scope) {
        return scope == null || scope.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
    }
}
