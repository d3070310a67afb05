-- Which reader read each row (ReaderVersions: 0 none, as when FFmpeg's libraries could not be
-- loaded; then a version per media type). The scan reads a file again, keeping its id, when its
-- row's reader is older than today's or was missing and is there now.
ALTER TABLE assets ADD COLUMN reader_version INTEGER NOT NULL DEFAULT 0;
-- Photos of an older index were read as today, unless their size was left to FFmpeg and not
-- found; video and audio (read by an ffprobe executable, or not at all) are read again.
UPDATE assets SET reader_version = 1 WHERE media_type = 1 AND width > 0;

-- Kept while an asset is in the trash, so that a restored row is not read again for nothing.
ALTER TABLE trash ADD COLUMN reader_version INTEGER NOT NULL DEFAULT 0;
UPDATE trash SET reader_version = 1 WHERE media_type = 1 AND width > 0;
