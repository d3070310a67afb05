-- The first schema of the index. Sort columns are NOT NULL so that keyset paging never meets a
-- NULL (photos have duration 0, unknown dimensions are 0).
CREATE TABLE albums (
    -- AUTOINCREMENT: a removed folder's row id is never given to another folder, so ids
    -- cached by a long-running process cannot come to mean a different folder.
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id  TEXT    NOT NULL UNIQUE,
    rel_path   TEXT    NOT NULL UNIQUE,
    title      TEXT    NOT NULL
);

CREATE TABLE assets (
    id                INTEGER PRIMARY KEY,
    public_id         TEXT    NOT NULL UNIQUE,
    album_id          INTEGER NOT NULL REFERENCES albums (id),
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
    warnings          TEXT,
    UNIQUE (album_id, filename)
);

-- One index per sort key, led by media_type: a query asks for one or more media types and reads
-- each through its own index range (see AssetListing), so no query sorts the whole table.
CREATE INDEX assets_by_creation ON assets (media_type, creation_time, id);
CREATE INDEX assets_by_album_creation ON assets (album_id, media_type, creation_time, id);
CREATE INDEX assets_by_modification ON assets (media_type, modification_time, id);
CREATE INDEX assets_by_width ON assets (media_type, width, id);
CREATE INDEX assets_by_height ON assets (media_type, height, id);
CREATE INDEX assets_by_duration ON assets (media_type, duration, id);
CREATE INDEX assets_favorites ON assets (media_type, creation_time, id) WHERE is_favorite = 1;

-- Asset counts per album and media type, kept by triggers, so that totalCount of an unfiltered
-- or album query costs a few row reads instead of a count over the whole index.
CREATE TABLE asset_counts (
    album_id   INTEGER NOT NULL,
    media_type INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (album_id, media_type)
) WITHOUT ROWID;

CREATE TRIGGER assets_counted_on_insert AFTER INSERT ON assets BEGIN
    INSERT INTO asset_counts (album_id, media_type, n) VALUES (NEW.album_id, NEW.media_type, 1)
        ON CONFLICT (album_id, media_type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER assets_counted_on_delete AFTER DELETE ON assets BEGIN
    UPDATE asset_counts SET n = n - 1 WHERE album_id = OLD.album_id AND media_type = OLD.media_type;
END;

CREATE TRIGGER assets_counted_on_move AFTER UPDATE OF album_id, media_type ON assets
    WHEN OLD.album_id <> NEW.album_id OR OLD.media_type <> NEW.media_type BEGIN
    UPDATE asset_counts SET n = n - 1 WHERE album_id = OLD.album_id AND media_type = OLD.media_type;
    INSERT INTO asset_counts (album_id, media_type, n) VALUES (NEW.album_id, NEW.media_type, 1)
        ON CONFLICT (album_id, media_type) DO UPDATE SET n = n + 1;
END;

-- Files the scan read and found not to be media (or unreadable): remembered with their
-- fingerprint so that a rescan does not open them again, and so that their warnings stay listed.
CREATE TABLE skipped_files (
    album_id          INTEGER NOT NULL REFERENCES albums (id),
    filename          TEXT    NOT NULL,
    file_size         INTEGER NOT NULL,
    modification_time INTEGER NOT NULL,
    warning           TEXT,
    PRIMARY KEY (album_id, filename)
) WITHOUT ROWID;
