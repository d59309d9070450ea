-- A 挂牌督办 major hazard is closed only after the supervising authority's 核销 (16号令 arts. 18 and 23): the day,
-- the authority and its document number, recorded as the regulator issued them.
ALTER TABLE hazard ADD COLUMN writeoff_on TEXT;
ALTER TABLE hazard ADD COLUMN writeoff_authority TEXT;
ALTER TABLE hazard ADD COLUMN writeoff_number TEXT;
