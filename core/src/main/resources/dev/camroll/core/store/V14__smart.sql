-- Apple's burst identifier (MakerNote BurstUUID), shared by the shots of one burst, so that asset
-- info can name the burst a shot belongs to; NULL for every other asset. Rows of an older index
-- get it when the photo reader 3 reads them again.
ALTER TABLE assets ADD COLUMN burst_id TEXT;

-- Kept while an asset is in the trash, so that a restored shot still names its burst.
ALTER TABLE trash ADD COLUMN burst_id TEXT;
