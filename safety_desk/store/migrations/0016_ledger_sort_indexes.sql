-- The ledger's sorts of every hazard read the first page in index order and stop, instead of sorting 200,000 rows
-- (70-230 ms each on the benchmark set; issue #17: every sort at most 50 ms). Each index holds the sort key and
-- the id that breaks its ties, both directions read from one index. Partial on deleted = 0, which every ledger
-- query names, so tombstoned hazards cost nothing and the planner never takes them for a selective search.
-- The photo index is on the same expression as the photo sort (store/ledger.py SORT_COLUMNS).
CREATE INDEX IF NOT EXISTS hazard_sort_found ON hazard (found_on, id) WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS hazard_sort_description ON hazard (description, id) WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS hazard_sort_location ON hazard (location, id) WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS hazard_sort_source ON hazard (source, id) WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS hazard_sort_grade ON hazard (grade, id) WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS hazard_sort_photo ON hazard ((photos != '[]'), id) WHERE deleted = 0;
-- The enterprise and district sorts walk the names in order, then each one's hazards (store/ledger.py _NAMED_BY).
CREATE INDEX IF NOT EXISTS enterprise_by_name ON enterprise (name);
CREATE INDEX IF NOT EXISTS district_by_name ON district (name);
