-- Picker sessions (expo-image-picker's launchImageLibraryAsync, in the flow of Google Photos'
-- Picker API): an app, or the owner, asks the person to choose media; the person chooses in a page
-- of the server (or the embedding program's own UI); the result files are made in the data folder
-- and the session keeps them until it is deleted or expires. Kept in the index so that a result
-- survives a restart and reaches an app that was away (getPendingResult).
CREATE TABLE picker_sessions (
    id TEXT PRIMARY KEY,
    -- The app that made the session, or NULL: the owner. Only it reads the session.
    app_id TEXT,
    -- The options as asked, in the picker's own text form (one option a line).
    options TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'picked', 'canceled')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    completed_at INTEGER,
    -- When its app first read the completed result: from then on it is no longer pending.
    fetched_at INTEGER
);
CREATE INDEX picker_sessions_pending ON picker_sessions (app_id) WHERE completed_at IS NOT NULL AND fetched_at IS NULL;
CREATE INDEX picker_sessions_by_expiry ON picker_sessions (expires_at);

-- The result files of a picked session, in the person's selection order. The bytes live in the
-- data folder (picker/<session id>/<file>); asset_id is the library asset a result was made
-- from, told to the app only while its scope sees that asset.
CREATE TABLE picker_results (
    session_id TEXT NOT NULL REFERENCES picker_sessions (id),
    position INTEGER NOT NULL,
    file TEXT NOT NULL,
    file_name TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    file_size INTEGER NOT NULL,
    duration_ms INTEGER,
    asset_id TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
);
