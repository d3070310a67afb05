-- A fingerprint of each asset's content (size and sampled bytes, see ContentKey), so that the scan
-- recognises a file renamed or moved on disk by another program and keeps its id. NULL for rows
-- indexed before this version until the scan reads their file for it, and for files that could
-- not be read for it.
ALTER TABLE assets ADD COLUMN content_key BLOB;
-- Only keyed rows are looked up by key; most rows of an older index have none yet.
CREATE INDEX assets_by_content_key ON assets (content_key) WHERE content_key IS NOT NULL;

-- Kept while an asset is in the trash, so that a restored asset is still recognised when moved.
ALTER TABLE trash ADD COLUMN content_key BLOB;
