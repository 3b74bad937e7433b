-- Approval events applied by their case version, whatever order they arrive in: the newest CaseVersion applied of the
-- events that move the project, and, while the project is stalled by a setback (退件/不予许可), that setback's CaseVersion,
-- so newer case progress can lift the stall and an older setback cannot stall the project again.
ALTER TABLE projects
    ADD COLUMN approval_case_version   integer NOT NULL DEFAULT 0,
    ADD COLUMN stalled_by_case_version integer NULL;

-- TransferredOut is gone: no transition ever led to it (a transfer keeps the project in its stage, in another district).
ALTER TABLE projects ADD CONSTRAINT projects_state_known CHECK (state IN (
    'Negotiating', 'Signed', 'Registered', 'LandAcquired', 'UnderConstruction', 'InProduction', 'Stalled', 'Terminated'));
