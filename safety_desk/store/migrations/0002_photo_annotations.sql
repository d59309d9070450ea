-- Shapes drawn over a photo (arrows, circles, text) as a layer of their own: the photo file, named
-- by its hash, never changes. One row per photo; its id is derived from the photo's, so two devices
-- that annotate the same photo offline edit the same row and sync merges them field by field.
CREATE TABLE photo_annotation (
    id       TEXT PRIMARY KEY,
    photo_id TEXT NOT NULL REFERENCES photo (id),
    shapes   TEXT NOT NULL DEFAULT '[]',
    deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX photo_annotation_by_photo ON photo_annotation (photo_id);
