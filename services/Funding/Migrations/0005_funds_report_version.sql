-- Corrections before verification: a funds report carries a version, so an edit made on a stale copy is refused.
ALTER TABLE funds_reports ADD COLUMN version integer NOT NULL DEFAULT 1;
