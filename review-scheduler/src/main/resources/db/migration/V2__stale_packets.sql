-- A packet revision is frozen, but the month's figures may change after it was built (a late event,
-- a win-back, a re-cause). loss.analysis tells review-scheduler; the newest revision is then marked
-- stale (when, and what changed) until a rebuild shows the figures it holds are current again.
alter table packet add column stale_since timestamptz, add column stale_reason text;
