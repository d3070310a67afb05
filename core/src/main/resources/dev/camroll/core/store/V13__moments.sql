-- Moments: the photos and videos grouped by time and place (see core/moments). They are derived
-- data, kept up to date from a queue that triggers fill on every write of any process, so that a
-- change re-groups only the moments around it.
CREATE TABLE moments (
    -- AUTOINCREMENT: a moment that goes never gives its row id to another one.
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id     TEXT    NOT NULL UNIQUE,
    start_time    INTEGER NOT NULL,
    end_time      INTEGER NOT NULL,
    asset_count   INTEGER NOT NULL,
    -- The centre of its GPS points (NULL without any), and the last of them in time order, from
    -- which the next asset's jump is measured.
    latitude      REAL,
    longitude     REAL,
    last_latitude REAL,
    last_longitude REAL,
    -- The nearest towns and their countries, one per line.
    location_names TEXT NOT NULL DEFAULT ''
);
CREATE INDEX moments_by_start ON moments (start_time);
CREATE INDEX moments_by_end ON moments (end_time);

-- Which moment holds each asset, with the time and place it was grouped by: a change of either is
-- found by comparing, and the old place tells which moment it leaves.
CREATE TABLE moment_assets (
    asset_id      INTEGER PRIMARY KEY,
    moment_id     INTEGER NOT NULL,
    creation_time INTEGER NOT NULL,
    latitude      REAL,
    longitude     REAL
);
CREATE INDEX moment_assets_by_moment ON moment_assets (moment_id, asset_id);

-- Assets whose moment may have changed since the moments were last brought up to date.
CREATE TABLE moment_queue (
    asset_id INTEGER PRIMARY KEY
) WITHOUT ROWID;

-- Whether the moments were ever computed (an index made before them is grouped whole once), and
-- a version that every update of them takes, so that a process may keep the moments it read.
CREATE TABLE moment_state (
    computed INTEGER NOT NULL,
    version  INTEGER NOT NULL
);
INSERT INTO moment_state (computed, version) VALUES (0, 0);

CREATE TRIGGER assets_moment_on_insert AFTER INSERT ON assets WHEN NEW.media_type IN (1, 2) BEGIN
    INSERT OR IGNORE INTO moment_queue (asset_id) VALUES (NEW.id);
END;

CREATE TRIGGER assets_moment_on_delete AFTER DELETE ON assets WHEN OLD.media_type IN (1, 2) BEGIN
    INSERT OR IGNORE INTO moment_queue (asset_id) VALUES (OLD.id);
END;

CREATE TRIGGER assets_moment_on_update AFTER UPDATE OF creation_time, latitude, longitude, media_type ON assets
    WHEN OLD.creation_time IS NOT NEW.creation_time OR OLD.latitude IS NOT NEW.latitude
        OR OLD.longitude IS NOT NEW.longitude OR OLD.media_type IS NOT NEW.media_type BEGIN
    INSERT OR IGNORE INTO moment_queue (asset_id) VALUES (NEW.id);
END;
