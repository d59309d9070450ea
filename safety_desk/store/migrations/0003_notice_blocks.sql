-- Blocks of rectification notice numbers. The office gives each device a range of sequence numbers per
-- year; a device numbers its notices only from its own blocks, so devices issuing offline never collide.
-- Append-only and written by the office alone: a block, once allocated, is never changed or taken back.
-- device_id has no foreign key: a device must receive its blocks even where sync sends it no device list.
CREATE TABLE notice_block (
    id           TEXT PRIMARY KEY,
    device_id    TEXT NOT NULL,
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    first_seq    INTEGER NOT NULL CHECK (first_seq >= 1),
    last_seq     INTEGER NOT NULL,
    allocated_on TEXT NOT NULL,
    allocated_by TEXT REFERENCES person (id),
    CHECK (last_seq >= first_seq),
    UNIQUE (year, first_seq)
);
CREATE INDEX notice_block_by_device ON notice_block (device_id, year, first_seq);

-- A notice's sequence number is unique within its year (the number text stays UNIQUE as well); the index
-- also answers "the highest number used in this block" without reading every notice.
CREATE UNIQUE INDEX notice_by_year_seq ON notice (year, seq);
