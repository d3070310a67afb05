-- What the owner granted each app (see access.Grant), one row per app that ever asked or was
-- set; an app without a row is undetermined and sees nothing. version is the change generation
-- of the grant's last change, which an app's change token carries.
CREATE TABLE app_grants (
    app_id           TEXT    NOT NULL PRIMARY KEY,
    status           TEXT    NOT NULL,
    privileges       TEXT    NOT NULL,
    media_types      TEXT    NOT NULL,
    write_only       INTEGER NOT NULL,
    location         INTEGER NOT NULL,
    expires_at       INTEGER,
    can_ask_again    INTEGER NOT NULL,
    denials          INTEGER NOT NULL,
    capabilities     TEXT    NOT NULL,
    latest_selection INTEGER NOT NULL,
    version          INTEGER NOT NULL
) WITHOUT ROWID;

-- A limited app's selection: items one by one (by public id, which survives moves and the
-- trash), and albums whole (by folder row, so that items added to the folder later are seen).
-- selection is the number of the selection that first held the row: "latest selection only"
-- reads the rows of the app's latest_selection.
CREATE TABLE app_selected_assets (
    app_id    TEXT    NOT NULL,
    public_id TEXT    NOT NULL,
    selection INTEGER NOT NULL,
    PRIMARY KEY (app_id, public_id)
) WITHOUT ROWID;

CREATE TABLE app_selected_albums (
    app_id    TEXT    NOT NULL,
    album_id  INTEGER NOT NULL,
    selection INTEGER NOT NULL,
    PRIMARY KEY (app_id, album_id)
) WITHOUT ROWID;

-- The assets each app created: it sees them in every state that reads, and may change them.
CREATE TABLE app_created_assets (
    app_id    TEXT NOT NULL,
    public_id TEXT NOT NULL,
    PRIMARY KEY (app_id, public_id)
) WITHOUT ROWID;

-- Requests of apps waiting for the person's answer, and answered ones (answered_at set).
CREATE TABLE consent_requests (
    id          TEXT    NOT NULL PRIMARY KEY,
    app_id      TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    write_only  INTEGER NOT NULL,
    media_types TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    answered_at INTEGER
) WITHOUT ROWID;
CREATE INDEX consent_requests_pending ON consent_requests (created_at) WHERE answered_at IS NULL;

-- What each app read and changed, for the owner; rows older than the retention are purged.
CREATE TABLE access_log (
    time      INTEGER NOT NULL,
    app_id    TEXT    NOT NULL,
    public_id TEXT    NOT NULL,
    operation TEXT    NOT NULL
);
CREATE INDEX access_log_by_app ON access_log (app_id, time);
CREATE INDEX access_log_by_time ON access_log (time);

-- A tombstone keeps the folder of the deleted asset, so that an app that was given the folder
-- whole hears of the deletion (older tombstones have none: such an app is not told of those).
ALTER TABLE tombstones ADD COLUMN album_id INTEGER;

DROP TRIGGER assets_tombstoned_on_delete;
CREATE TRIGGER assets_tombstoned_on_delete AFTER DELETE ON assets BEGIN
    INSERT OR REPLACE INTO tombstones (public_id, generation_added, generation, deleted_at, media_type, album_id)
        VALUES (OLD.public_id, OLD.generation_added, (SELECT generation FROM library_state),
                CAST(unixepoch('subsec') * 1000 AS INTEGER), OLD.media_type, OLD.album_id);
END;

-- The folder and media type an asset had before each move (or new reading as another type),
-- kept as a tombstone keeps a deleted asset's: changesSince for an app judges whether the asset
-- was visible to it at the token (in a folder given whole, of a type granted), so that an asset
-- moved into its view is an insert for it and one moved out a delete. The first state of each
-- generation is kept.
CREATE TABLE asset_moves (
    public_id  TEXT    NOT NULL,
    generation INTEGER NOT NULL,
    album_id   INTEGER NOT NULL,
    media_type INTEGER NOT NULL,
    moved_at   INTEGER NOT NULL,
    PRIMARY KEY (public_id, generation)
) WITHOUT ROWID;

CREATE TRIGGER assets_moves_kept AFTER UPDATE OF album_id, media_type ON assets
    WHEN OLD.album_id <> NEW.album_id OR OLD.media_type <> NEW.media_type BEGIN
    INSERT OR IGNORE INTO asset_moves (public_id, generation, album_id, media_type, moved_at)
        VALUES (OLD.public_id, (SELECT generation FROM library_state), OLD.album_id, OLD.media_type,
                CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

-- Changes an app asked for of assets it did not create, waiting for the owner's confirmation
-- (confirmed NULL while pending). asset_ids holds the ids one per line.
CREATE TABLE change_requests (
    id          TEXT    NOT NULL PRIMARY KEY,
    app_id      TEXT    NOT NULL,
    operation   TEXT    NOT NULL,
    asset_ids   TEXT    NOT NULL,
    album_id    TEXT,
    flag        INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    answered_at INTEGER,
    confirmed   INTEGER
) WITHOUT ROWID;
CREATE INDEX change_requests_pending ON change_requests (created_at) WHERE answered_at IS NULL;
