-- Apps given access to the library and the secrets they hold. Every token and code is random
-- (256 bits; a device's user code is short, for typing) and kept only as the SHA-256 hash of its
-- text: a copy of the index gives no one a working token. A secret is found by looking its hash
-- up, never by comparing texts.
CREATE TABLE apps (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- The redirect URIs bound at registration, one a line; a request names one of them exactly.
    redirect_uris TEXT NOT NULL DEFAULT '',
    added_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- Access and refresh tokens. One authorization makes a family: the refresh tokens that follow
-- one another and the access tokens each gave. A refresh token used twice was copied, so its
-- whole family is revoked.
CREATE TABLE app_tokens (
    hash BLOB PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps (id),
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    family TEXT NOT NULL,
    scope TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX app_tokens_by_family ON app_tokens (family);
CREATE INDEX app_tokens_by_app ON app_tokens (app_id);

-- Authorization codes: one use, short-lived, bound to the app, the redirect URI and the PKCE
-- challenge of the request that made them.
CREATE TABLE authorization_codes (
    hash BLOB PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps (id),
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    scope TEXT NOT NULL,
    family TEXT NOT NULL,
    -- 1 for "allow this time only": the tokens end with the first access token, no refresh token.
    once INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

-- Device authorizations (RFC 8628): the device polls with its device code while the owner types
-- the user code on a page of the server and answers.
CREATE TABLE device_codes (
    hash BLOB PRIMARY KEY,
    user_code_hash BLOB NOT NULL UNIQUE,
    app_id TEXT NOT NULL REFERENCES apps (id),
    scope TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    -- pending until the owner answers; then approved (with the scope granted) or denied.
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'denied', 'used')),
    granted_scope TEXT,
    once INTEGER NOT NULL DEFAULT 0
);
