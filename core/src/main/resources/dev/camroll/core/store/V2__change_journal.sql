-- The change journal: one generation counter, bumped once per write transaction (Database.write);
-- asset rows carry the generation that added and last modified them, and deleted assets leave a
-- tombstone, so "what changed since generation G" is one index range and one table read.
CREATE TABLE library_state (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    -- Tells this index from any other: a change token of another library (or of an index that was
    -- deleted and rebuilt) asks for a full reload.
    library_id TEXT    NOT NULL,
    generation INTEGER NOT NULL,
    -- Tokens older than this cannot be answered incrementally: their tombstones were purged.
    horizon    INTEGER NOT NULL
);
INSERT INTO library_state (singleton, library_id, generation, horizon)
    VALUES (1, lower(hex(randomblob(8))), 1, 1);

ALTER TABLE assets ADD COLUMN generation_added INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assets ADD COLUMN generation_modified INTEGER NOT NULL DEFAULT 1;
-- generation_modified >= generation_added, so this one index finds inserts and updates alike.
CREATE INDEX assets_by_generation ON assets (generation_modified);

CREATE TABLE tombstones (
    public_id        TEXT    NOT NULL PRIMARY KEY,
    generation_added INTEGER NOT NULL,
    generation       INTEGER NOT NULL,
    deleted_at       INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX tombstones_by_generation ON tombstones (generation);

CREATE TRIGGER assets_tombstoned_on_delete AFTER DELETE ON assets BEGIN
    INSERT OR REPLACE INTO tombstones (public_id, generation_added, generation, deleted_at)
        VALUES (OLD.public_id, OLD.generation_added, (SELECT generation FROM library_state),
                CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
