-- Figures as of a past day (store/state_as_of.py) fold again only the hazards with events near or after the
-- day's end: without this index finding them scanned every hazard event (2.2-2.8 s on 3 years, issue #14).
CREATE INDEX IF NOT EXISTS hazard_event_by_time ON hazard_event (at, hazard_id);
