-- 存量项目: projects signed before the bureau used Zhaoshang, imported from its 台账 (POST /api/projects/import). They
-- come from no cooperation intent and name no enterprise of the lead service, so both references are optional, and
-- `origin` says where a project came from: exactly the projects from an intent have one.
ALTER TABLE projects
    ALTER COLUMN intent_id DROP NOT NULL,
    ALTER COLUMN enterprise_id DROP NOT NULL,
    ADD COLUMN origin text NOT NULL DEFAULT 'Intent' CHECK (origin IN ('Intent', 'Imported')),
    ADD CONSTRAINT projects_origin_intent CHECK ((origin = 'Intent') = (intent_id IS NOT NULL));

-- The import refuses an agreement number a project already has; this answers that look-up.
CREATE INDEX projects_agreement_no ON projects (agreement_no) WHERE agreement_no IS NOT NULL;
