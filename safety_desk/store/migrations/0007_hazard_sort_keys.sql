-- The ledger's counts and its sorts by enterprise or district read only these columns of every hazard: a
-- covering index a fraction of the table's size (which holds long descriptions) halves them. `deleted` is
-- not first, so the planner never mistakes it for a selective search (every hazard but a few has 0).
CREATE INDEX hazard_sort_keys ON hazard (enterprise_id, district_id, grade, deleted, id);
