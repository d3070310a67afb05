-- The trash: assets deleted through the API, restorable with the same id until purged. A trashed
-- asset has no row in assets (so every query leaves it out, and the delete left a tombstone);
-- its row here keeps what restoring needs: the folder it came from, its name and metadata, its
-- favorite flag. Its file lies in DATA/trash under trash_name.
CREATE TABLE trash (
    public_id         TEXT    NOT NULL PRIMARY KEY,
    rel_path          TEXT    NOT NULL,
    trash_name        TEXT    NOT NULL UNIQUE,
    trashed_at        INTEGER NOT NULL,
    filename          TEXT    NOT NULL,
    media_type        INTEGER NOT NULL,
    format            TEXT    NOT NULL,
    subtypes          TEXT    NOT NULL DEFAULT '',
    width             INTEGER NOT NULL,
    height            INTEGER NOT NULL,
    orientation       INTEGER NOT NULL,
    creation_time     INTEGER NOT NULL,
    modification_time INTEGER NOT NULL,
    duration          REAL    NOT NULL,
    file_size         INTEGER NOT NULL,
    latitude          REAL,
    longitude         REAL,
    camera_make       TEXT,
    camera_model      TEXT,
    is_favorite       INTEGER NOT NULL DEFAULT 0,
    warnings          TEXT
) WITHOUT ROWID;
CREATE INDEX trash_by_time ON trash (trashed_at);
