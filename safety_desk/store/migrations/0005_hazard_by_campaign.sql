-- Campaign progress counts a campaign's hazards by grade; without this index it read every hazard.
CREATE INDEX hazard_by_campaign ON hazard (campaign_id, grade) WHERE campaign_id IS NOT NULL;
