-- Drills planned before they are held, the remaining drill record fields of regulations.md §5.4,
-- trainings for several enterprises, and a campaign's target enterprises as a structured rule.

-- A drill row is one drill from plan to record. status 'planned': not yet held, and held_on is the day
-- it is planned for; status 'held': held_on is the day it took place. planned_on keeps the day it was
-- planned for (NULL when it was recorded without a plan), so a late drill stays visible. Rows written
-- before this migration are records of held drills.
ALTER TABLE drill ADD COLUMN status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('planned', 'held'));
ALTER TABLE drill ADD COLUMN planned_on TEXT;
ALTER TABLE drill ADD COLUMN objectives TEXT NOT NULL DEFAULT '';
ALTER TABLE drill ADD COLUMN units TEXT NOT NULL DEFAULT '';
ALTER TABLE drill ADD COLUMN evaluators TEXT NOT NULL DEFAULT '';
ALTER TABLE drill ADD COLUMN revisions TEXT NOT NULL DEFAULT '';
CREATE INDEX drill_by_status ON drill (status, enterprise_id, held_on);

-- The enterprises a training session was for (a JSON list of ids). enterprise_id stays the first of
-- them (or NULL), district_id the district of a district-wide session; all empty: office-wide.
ALTER TABLE training ADD COLUMN enterprise_ids TEXT NOT NULL DEFAULT '[]';
UPDATE training SET enterprise_ids = json_array(enterprise_id) WHERE enterprise_id IS NOT NULL;

-- Which enterprises a campaign covers, as JSON {"district_ids": [...], "industries": [...],
-- "risk_classes": [...], "enterprise_ids": [...]}: the enterprises matching every non-empty filter, plus
-- the ones named; with no filter and no names, every enterprise. `target` stays the free-text aim.
ALTER TABLE campaign ADD COLUMN targets TEXT NOT NULL DEFAULT '{}';
