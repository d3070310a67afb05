-- A tombstone keeps the media type of the deleted asset, so that an access scope limited to some
-- media types can tell which deletions it may hear of (the scope's condition reads public_id and
-- media_type, which assets, trash and tombstones then all have). Older tombstones have none: a
-- limited scope is not told of those deletions, the owner's scope is.
ALTER TABLE tombstones ADD COLUMN media_type INTEGER;

DROP TRIGGER assets_tombstoned_on_delete;
CREATE TRIGGER assets_tombstoned_on_delete AFTER DELETE ON assets BEGIN
    INSERT OR REPLACE INTO tombstones (public_id, generation_added, generation, deleted_at, media_type)
        VALUES (OLD.public_id, OLD.generation_added, (SELECT generation FROM library_state),
                CAST(unixepoch('subsec') * 1000 AS INTEGER), OLD.media_type);
END;
