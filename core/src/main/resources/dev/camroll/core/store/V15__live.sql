-- Live Photos: the identifier Apple writes in both halves (the still's MakerNote 0x0011, the MOV's
-- com.apple.quicktime.content.identifier), by which the scan pairs them. NULL when a file has none.
ALTER TABLE assets ADD COLUMN content_identifier TEXT;
CREATE INDEX assets_by_content_identifier ON assets (content_identifier) WHERE content_identifier IS NOT NULL;
-- Kept while an asset is in the trash, so that a restored still is paired again by it.
ALTER TABLE trash ADD COLUMN content_identifier TEXT;

-- The video half of each Live Photo. It is no asset: it has no row in assets, so no listing,
-- count, smart album or app view can meet it, and it is reached only through its photo. Its row
-- keeps every column of the asset row it was, so that unpairing (its photo gone) makes it the
-- same asset again, with its id. The scan knows its file by (album_id, filename) and fingerprint,
-- as it knows skipped files.
CREATE TABLE paired_videos (
    public_id          TEXT    NOT NULL PRIMARY KEY,
    photo_public_id    TEXT    NOT NULL UNIQUE,
    album_id           INTEGER NOT NULL REFERENCES albums (id),
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
    content_identifier TEXT,
    UNIQUE (album_id, filename)
) WITHOUT ROWID;
