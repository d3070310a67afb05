-- The video half of a trashed Live Photo: its file lies in the trash folder beside its photo's, as
-- DATA/trash/<id>.<ext>, and its row here keeps where it was and every column its paired_videos
-- row had, so that restoring the photo brings it back paired and with its id. Like the paired
-- videos it is no asset: the trash lists and counts only its photo.
CREATE TABLE trashed_videos (
    public_id          TEXT    NOT NULL PRIMARY KEY,
    photo_public_id    TEXT    NOT NULL UNIQUE,
    trash_name         TEXT    NOT NULL UNIQUE,
    trashed_at         INTEGER NOT NULL,
    rel_path           TEXT    NOT NULL,
    filename           TEXT    NOT NULL,
    media_type         INTEGER NOT NULL,
    format             TEXT    NOT NULL,
    subtypes           TEXT    NOT NULL DEFAULT '',
    width              INTEGER NOT NULL,
    height             INTEGER NOT NULL,
    orientation        INTEGER NOT NULL,
    creation_time      INTEGER NOT NULL,
    modification_time  INTEGER NOT NULL,
    duration           REAL    NOT NULL,
    file_size          INTEGER NOT NULL,
    latitude           REAL,
    longitude          REAL,
    camera_make        TEXT,
    camera_model       TEXT,
    is_favorite        INTEGER NOT NULL DEFAULT 0,
    warnings           TEXT,
    content_key        BLOB,
    reader_version     INTEGER NOT NULL DEFAULT 0,
    content_identifier TEXT
) WITHOUT ROWID;

-- A Live Photo's video holds its name in its folder though it is no asset: an asset row for its
-- file (a scan that listed the folder's rows before a restore, copy or creation paired it, and
-- met the file after) is not written. Its own row coming back when it is unpaired (the same id)
-- is.
CREATE TRIGGER assets_not_over_paired_videos BEFORE INSERT ON assets
WHEN EXISTS (SELECT 1 FROM paired_videos WHERE album_id = NEW.album_id AND filename = NEW.filename
             AND public_id <> NEW.public_id)
BEGIN
    SELECT RAISE(IGNORE);
END;
