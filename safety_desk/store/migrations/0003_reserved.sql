-- Placeholder for migration 3, which another branch (written at the same time) adds; migrations are
-- numbered without gaps, so this branch needs one to reach 4. DELETE THIS FILE when merging that branch.
SELECT 1;
