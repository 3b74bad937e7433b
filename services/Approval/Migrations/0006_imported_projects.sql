-- 外部办结: an item an imported project (存量项目) had already passed before the bureau used Zhaoshang, recorded as
-- granted (or, for a project already under construction, issued) without a review in the system: no due date, no decision.
ALTER TABLE approval_items ADD COLUMN granted_outside boolean NOT NULL DEFAULT false;
