-- What a limited or add-only app sees, kept as rows of its own so that its pages and counts walk
-- an index of its items instead of testing every asset of the library (a selection of 10,000 in a
-- library of a million is one row in a hundred). kind 1 (store.AppView.LIMITED): the items
-- selected for the app one by one, every item of the folders selected for it whole, and the items
-- it created; kind 2 (AppView.CREATED): the items it created. Only live assets have rows; the trash
-- and tombstones are judged by the selection tables themselves (store.ScopeSql). The triggers below
-- keep the rows equal to what those tables say, whatever writes the assets or the selections.
CREATE TABLE app_view_assets (
    app_id  TEXT    NOT NULL,
    kind    INTEGER NOT NULL,
    asset   INTEGER NOT NULL,
    type    INTEGER NOT NULL,
    created INTEGER NOT NULL,
    PRIMARY KEY (app_id, kind, asset)
) WITHOUT ROWID;
-- The order of every listing by creation time, per media type, as assets_by_creation is.
CREATE INDEX app_view_assets_by_creation ON app_view_assets (app_id, kind, type, created, asset);
CREATE INDEX app_view_assets_by_asset ON app_view_assets (asset);

-- How many rows each view holds per media type, kept by the triggers below, so that the
-- totalCount of an app's listing without dates costs a few row reads, as asset_counts does the
-- owner's.
CREATE TABLE app_view_counts (
    app_id TEXT    NOT NULL,
    kind   INTEGER NOT NULL,
    type   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (app_id, kind, type)
) WITHOUT ROWID;

CREATE TRIGGER app_view_counted_on_insert AFTER INSERT ON app_view_assets BEGIN
    INSERT INTO app_view_counts (app_id, kind, type, n) VALUES (NEW.app_id, NEW.kind, NEW.type, 1)
        ON CONFLICT (app_id, kind, type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER app_view_counted_on_delete AFTER DELETE ON app_view_assets BEGIN
    UPDATE app_view_counts SET n = n - 1 WHERE app_id = OLD.app_id AND kind = OLD.kind AND type = OLD.type;
END;

CREATE TRIGGER app_view_counted_on_new_type AFTER UPDATE OF type ON app_view_assets
    WHEN OLD.type <> NEW.type BEGIN
    UPDATE app_view_counts SET n = n - 1 WHERE app_id = OLD.app_id AND kind = OLD.kind AND type = OLD.type;
    INSERT INTO app_view_counts (app_id, kind, type, n) VALUES (NEW.app_id, NEW.kind, NEW.type, 1)
        ON CONFLICT (app_id, kind, type) DO UPDATE SET n = n + 1;
END;

-- The triggers find an asset's apps by its id and folder.
CREATE INDEX app_selected_assets_by_asset ON app_selected_assets (public_id);
CREATE INDEX app_selected_albums_by_album ON app_selected_albums (album_id);
CREATE INDEX app_created_assets_by_asset ON app_created_assets (public_id);

-- The apps whose limited view holds an asset (public id p, folder f), and those whose created view does.
CREATE TRIGGER app_views_on_asset_insert AFTER INSERT ON assets BEGIN
    INSERT OR IGNORE INTO app_view_assets (app_id, kind, asset, type, created)
        SELECT app_id, 1, NEW.id, NEW.media_type, NEW.creation_time FROM app_selected_assets
            WHERE public_id = NEW.public_id
        UNION SELECT app_id, 1, NEW.id, NEW.media_type, NEW.creation_time FROM app_selected_albums
            WHERE album_id = NEW.album_id
        UNION SELECT app_id, 1, NEW.id, NEW.media_type, NEW.creation_time FROM app_created_assets
            WHERE public_id = NEW.public_id
        UNION SELECT app_id, 2, NEW.id, NEW.media_type, NEW.creation_time FROM app_created_assets
            WHERE public_id = NEW.public_id;
END;

CREATE TRIGGER app_views_on_asset_delete AFTER DELETE ON assets BEGIN
    DELETE FROM app_view_assets WHERE asset = OLD.id;
END;

-- A new type or time moves the rows in the order; a new folder may end or begin a view.
CREATE TRIGGER app_views_on_asset_update AFTER UPDATE OF media_type, creation_time ON assets
    WHEN OLD.media_type <> NEW.media_type OR OLD.creation_time <> NEW.creation_time BEGIN
    UPDATE app_view_assets SET type = NEW.media_type, created = NEW.creation_time WHERE asset = NEW.id;
END;

CREATE TRIGGER app_views_on_asset_move AFTER UPDATE OF album_id ON assets
    WHEN OLD.album_id <> NEW.album_id BEGIN
    DELETE FROM app_view_assets WHERE kind = 1 AND asset = NEW.id
        AND app_id IN (SELECT app_id FROM app_selected_albums WHERE album_id = OLD.album_id)
        AND app_id NOT IN (SELECT app_id FROM app_selected_assets WHERE public_id = NEW.public_id)
        AND app_id NOT IN (SELECT app_id FROM app_created_assets WHERE public_id = NEW.public_id);
    INSERT OR IGNORE INTO app_view_assets (app_id, kind, asset, type, created)
        SELECT app_id, 1, NEW.id, NEW.media_type, NEW.creation_time FROM app_selected_albums
            WHERE album_id = NEW.album_id;
END;

CREATE TRIGGER app_views_on_item_selected AFTER INSERT ON app_selected_assets BEGIN
    INSERT OR IGNORE INTO app_view_assets (app_id, kind, asset, type, created)
        SELECT NEW.app_id, 1, id, media_type, creation_time FROM assets WHERE public_id = NEW.public_id;
END;

CREATE TRIGGER app_views_on_item_unselected AFTER DELETE ON app_selected_assets BEGIN
    DELETE FROM app_view_assets WHERE app_id = OLD.app_id AND kind = 1
        AND asset = (SELECT id FROM assets WHERE public_id = OLD.public_id)
        AND NOT EXISTS (SELECT 1 FROM app_selected_albums s JOIN assets a ON a.album_id = s.album_id
            WHERE s.app_id = OLD.app_id AND a.public_id = OLD.public_id)
        AND NOT EXISTS (SELECT 1 FROM app_created_assets
            WHERE app_id = OLD.app_id AND public_id = OLD.public_id);
END;

CREATE TRIGGER app_views_on_album_selected AFTER INSERT ON app_selected_albums BEGIN
    INSERT OR IGNORE INTO app_view_assets (app_id, kind, asset, type, created)
        SELECT NEW.app_id, 1, id, media_type, creation_time FROM assets WHERE album_id = NEW.album_id;
END;

CREATE TRIGGER app_views_on_album_unselected AFTER DELETE ON app_selected_albums BEGIN
    DELETE FROM app_view_assets WHERE app_id = OLD.app_id AND kind = 1
        AND asset IN (SELECT a.id FROM assets a WHERE a.album_id = OLD.album_id
            AND NOT EXISTS (SELECT 1 FROM app_selected_assets
                WHERE app_id = OLD.app_id AND public_id = a.public_id)
            AND NOT EXISTS (SELECT 1 FROM app_created_assets
                WHERE app_id = OLD.app_id AND public_id = a.public_id));
END;

CREATE TRIGGER app_views_on_created AFTER INSERT ON app_created_assets BEGIN
    INSERT OR IGNORE INTO app_view_assets (app_id, kind, asset, type, created)
        SELECT NEW.app_id, 1, id, media_type, creation_time FROM assets WHERE public_id = NEW.public_id
        UNION ALL
        SELECT NEW.app_id, 2, id, media_type, creation_time FROM assets WHERE public_id = NEW.public_id;
END;

CREATE TRIGGER app_views_on_created_forgotten AFTER DELETE ON app_created_assets BEGIN
    DELETE FROM app_view_assets WHERE app_id = OLD.app_id AND kind = 2
        AND asset = (SELECT id FROM assets WHERE public_id = OLD.public_id);
    DELETE FROM app_view_assets WHERE app_id = OLD.app_id AND kind = 1
        AND asset = (SELECT id FROM assets WHERE public_id = OLD.public_id)
        AND NOT EXISTS (SELECT 1 FROM app_selected_assets
            WHERE app_id = OLD.app_id AND public_id = OLD.public_id)
        AND NOT EXISTS (SELECT 1 FROM app_selected_albums s JOIN assets a ON a.album_id = s.album_id
            WHERE s.app_id = OLD.app_id AND a.public_id = OLD.public_id);
END;

-- The rows of the selections and creations made before this table.
INSERT OR IGNORE INTO app_view_assets (app_id, kind, asset, type, created)
    SELECT s.app_id, 1, a.id, a.media_type, a.creation_time
        FROM app_selected_assets s JOIN assets a ON a.public_id = s.public_id;
INSERT OR IGNORE INTO app_view_assets (app_id, kind, asset, type, created)
    SELECT s.app_id, 1, a.id, a.media_type, a.creation_time
        FROM app_selected_albums s JOIN assets a ON a.album_id = s.album_id;
INSERT OR IGNORE INTO app_view_assets (app_id, kind, asset, type, created)
    SELECT c.app_id, k.kind, a.id, a.media_type, a.creation_time
        FROM app_created_assets c JOIN assets a ON a.public_id = c.public_id, (SELECT 1 AS kind UNION ALL SELECT 2) k;
