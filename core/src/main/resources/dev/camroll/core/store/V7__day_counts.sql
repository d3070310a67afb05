-- Indexes for every sort key within a folder, and for the media type order, so that a page of a
-- folder in any order, at any depth, is read through an index range with its whole key
-- (album_id, media_type, sort column, id) (see AssetListing).
CREATE INDEX assets_by_media_type ON assets (media_type, id);
CREATE INDEX assets_by_album_media_type ON assets (album_id, media_type, id);
CREATE INDEX assets_by_album_modification ON assets (album_id, media_type, modification_time, id);
CREATE INDEX assets_by_album_width ON assets (album_id, media_type, width, id);
CREATE INDEX assets_by_album_height ON assets (album_id, media_type, height, id);
CREATE INDEX assets_by_album_duration ON assets (album_id, media_type, duration, id);

-- Asset counts per day of creation (UTC days since the epoch, floored) and media type, over the
-- whole library and per folder, kept by triggers like asset_counts: the totalCount of a
-- created-after/before query is then a sum over the whole days of the range plus a count of the
-- two partial days through the creation-time index, instead of a count of every row in range.
CREATE TABLE asset_day_counts (
    media_type INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (media_type, day)
) WITHOUT ROWID;

CREATE TABLE album_day_counts (
    album_id   INTEGER NOT NULL,
    media_type INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (album_id, media_type, day)
) WITHOUT ROWID;

-- The day of a creation time: integer division truncates toward zero, so times before 1970 that
-- are not on a day boundary are moved one day down (Math.floorDiv in DayCounts).
INSERT INTO asset_day_counts (media_type, day, n)
    SELECT media_type, creation_time / 86400000 - (creation_time < 0 AND creation_time % 86400000 <> 0), COUNT(*)
    FROM assets GROUP BY 1, 2;
INSERT INTO album_day_counts (album_id, media_type, day, n)
    SELECT album_id, media_type, creation_time / 86400000 - (creation_time < 0 AND creation_time % 86400000 <> 0),
           COUNT(*)
    FROM assets GROUP BY 1, 2, 3;

CREATE TRIGGER assets_day_counted_on_insert AFTER INSERT ON assets BEGIN
    INSERT INTO asset_day_counts (media_type, day, n)
        VALUES (NEW.media_type,
                NEW.creation_time / 86400000 - (NEW.creation_time < 0 AND NEW.creation_time % 86400000 <> 0), 1)
        ON CONFLICT (media_type, day) DO UPDATE SET n = n + 1;
    INSERT INTO album_day_counts (album_id, media_type, day, n)
        VALUES (NEW.album_id, NEW.media_type,
                NEW.creation_time / 86400000 - (NEW.creation_time < 0 AND NEW.creation_time % 86400000 <> 0), 1)
        ON CONFLICT (album_id, media_type, day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER assets_day_counted_on_delete AFTER DELETE ON assets BEGIN
    UPDATE asset_day_counts SET n = n - 1
        WHERE media_type = OLD.media_type
          AND day = OLD.creation_time / 86400000 - (OLD.creation_time < 0 AND OLD.creation_time % 86400000 <> 0);
    UPDATE album_day_counts SET n = n - 1
        WHERE album_id = OLD.album_id AND media_type = OLD.media_type
          AND day = OLD.creation_time / 86400000 - (OLD.creation_time < 0 AND OLD.creation_time % 86400000 <> 0);
END;

-- A move to another folder, a file read again as another media type, or a new creation time.
CREATE TRIGGER assets_day_counted_on_change AFTER UPDATE OF album_id, media_type, creation_time ON assets
    WHEN OLD.album_id <> NEW.album_id OR OLD.media_type <> NEW.media_type
        OR OLD.creation_time <> NEW.creation_time BEGIN
    UPDATE asset_day_counts SET n = n - 1
        WHERE media_type = OLD.media_type
          AND day = OLD.creation_time / 86400000 - (OLD.creation_time < 0 AND OLD.creation_time % 86400000 <> 0);
    UPDATE album_day_counts SET n = n - 1
        WHERE album_id = OLD.album_id AND media_type = OLD.media_type
          AND day = OLD.creation_time / 86400000 - (OLD.creation_time < 0 AND OLD.creation_time % 86400000 <> 0);
    INSERT INTO asset_day_counts (media_type, day, n)
        VALUES (NEW.media_type,
                NEW.creation_time / 86400000 - (NEW.creation_time < 0 AND NEW.creation_time % 86400000 <> 0), 1)
        ON CONFLICT (media_type, day) DO UPDATE SET n = n + 1;
    INSERT INTO album_day_counts (album_id, media_type, day, n)
        VALUES (NEW.album_id, NEW.media_type,
                NEW.creation_time / 86400000 - (NEW.creation_time < 0 AND NEW.creation_time % 86400000 <> 0), 1)
        ON CONFLICT (album_id, media_type, day) DO UPDATE SET n = n + 1;
END;
