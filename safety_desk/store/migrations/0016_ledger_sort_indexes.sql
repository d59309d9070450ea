-- The ledger's sorts of every hazard read the first page in index order and stop, instead of sorting 200,000 rows
-- (70-230 ms each on the benchmark set; issue #17: every sort at most 50 ms). Each index holds the sort key and
-- the id that breaks its ties, both directions read from one index. Not partial (WHERE deleted = 0): SQLite then
-- took the smallest of them for a full scan it had to finish in the table anyway (a two-character search counted
-- through one, a lookup per hazard, twice the time of reading the table); whole, none is ever cheaper to scan.
-- The photo index is on the same expression as the photo sort (store/ledger.py SORT_COLUMNS).
-- The found-date index also holds the tombstone and the district: the ledger as an inspector opens it (their
-- districts, newest first) is read from it alone (store/ledger.py).
CREATE INDEX IF NOT EXISTS hazard_sort_found ON hazard (found_on, id, deleted, district_id);
CREATE INDEX IF NOT EXISTS hazard_sort_description ON hazard (description, id);
CREATE INDEX IF NOT EXISTS hazard_sort_location ON hazard (location, id);
CREATE INDEX IF NOT EXISTS hazard_sort_source ON hazard (source, id);
CREATE INDEX IF NOT EXISTS hazard_sort_grade ON hazard (grade, id);
CREATE INDEX IF NOT EXISTS hazard_sort_photo ON hazard ((photos != '[]'), id);
-- The enterprise and district sorts walk the names in order, then each one's hazards (store/ledger.py _NAMED_BY).
-- A district's hazards in id order with their tombstones: the district sort reads them without the table, and an
-- inspector's count (their districts) is answered from this index alone (13 ms, now 2).
CREATE INDEX IF NOT EXISTS hazard_sort_district ON hazard (district_id, id, deleted);
CREATE INDEX IF NOT EXISTS enterprise_by_name ON enterprise (name);
CREATE INDEX IF NOT EXISTS district_by_name ON district (name);
-- Filters on the status (open, overdue, one status) start from hazard_state and look each hazard up by id for its
-- tombstone and district: from this index alone, one search instead of the id index and then the table (counting
-- the open hazards took 37 ms, now 15).
CREATE INDEX IF NOT EXISTS hazard_state_keys ON hazard (id, deleted, district_id);
