-- The CSV exports read their rows a page at a time in a unique key's order, each page after the last row of the one
-- before: these indexes hand each page over in that order, so the first rows go out at once whatever the list's length.
-- Each replaces the index on its first column, which it also serves (a period's reports or payments).
CREATE INDEX funds_reports_verified_in_order ON funds_reports (reported_on, created_at, id) WHERE status = 'Verified';
DROP INDEX funds_reports_verified;
CREATE INDEX incentive_payments_in_order ON incentive_payments (paid_at, id);
DROP INDEX incentive_payments_paid_at;
