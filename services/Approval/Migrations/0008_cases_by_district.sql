-- A district officer's overdue items are counted (Cases/OverdueItemsApi.cs) by matching the open items against their
-- district's cases: read off this index alone instead of every case.
CREATE INDEX approval_cases_district ON approval_cases (district, id);
