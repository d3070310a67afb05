-- A restored asset keeps the tombstones of its deletions, one per deletion, so that changesSince
-- can tell whether the asset existed at a token: it did when its row was added at or before the
-- token, or when one of its tombstones spans the token (added at or before it, deleted after it).
-- A delete and a restore between two tokens is then an update, not a second insert.
CREATE TABLE tombstone_history (
    public_id        TEXT    NOT NULL,
    generation_added INTEGER NOT NULL,
    generation       INTEGER NOT NULL,
    deleted_at       INTEGER NOT NULL,
    PRIMARY KEY (public_id, generation)
) WITHOUT ROWID;
INSERT INTO tombstone_history (public_id, generation_added, generation, deleted_at)
    SELECT public_id, generation_added, generation, deleted_at FROM tombstones;
DROP TRIGGER assets_tombstoned_on_delete;
DROP TABLE tombstones;
ALTER TABLE tombstone_history RENAME TO tombstones;
CREATE INDEX tombstones_by_generation ON tombstones (generation);

CREATE TRIGGER assets_tombstoned_on_delete AFTER DELETE ON assets BEGIN
    INSERT OR REPLACE INTO tombstones (public_id, generation_added, generation, deleted_at)
        VALUES (OLD.public_id, OLD.generation_added, (SELECT generation FROM library_state),
                CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
