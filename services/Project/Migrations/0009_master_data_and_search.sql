-- The project's master data (项目基本信息), corrected by staff (PUT /api/projects/{id}/master-data). 投资强度 and 亩均税收 are
-- what the enterprise committed to, in 万元 per 亩.
ALTER TABLE projects
    ADD COLUMN name                           text          NULL,
    ADD COLUMN construction_content           text          NULL,   -- 建设内容
    ADD COLUMN location                       text          NULL,   -- 地点
    ADD COLUMN planned_start_on               date          NULL,
    ADD COLUMN planned_finish_on              date          NULL,
    ADD COLUMN jobs                           integer       NULL CHECK (jobs >= 0),   -- 就业人数
    ADD COLUMN committed_investment_intensity numeric(12,2) NULL CHECK (committed_investment_intensity >= 0),
    ADD COLUMN committed_tax_per_mu           numeric(12,2) NULL CHECK (committed_tax_per_mu >= 0),
    ADD CONSTRAINT projects_planned_dates CHECK (planned_finish_on >= planned_start_on);

-- Keyword search (GET /api/search): part of a name, a USCC, the agreement number or a task team member, matched with ILIKE
-- on a trigram index. pg_trgm is a trusted extension: the database's owner, the service's own login, may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What a search looks in, in one column so that one index answers it; fields apart by a line break, which no search term
-- holds, so a match never spans two fields.
ALTER TABLE projects
    ADD COLUMN search_text text GENERATED ALWAYS AS (
        coalesce(name, '') || E'\n' || enterprise_name || E'\n' || coalesce(enterprise_uscc::text, '') || E'\n'
        || coalesce(company_name, '') || E'\n' || coalesce(company_uscc::text, '') || E'\n' || coalesce(agreement_no, '') || E'\n'
        || coalesce(task_team ->> 'leadOfficial', '') || E'\n' || coalesce(task_team ->> 'members', '')) STORED;
CREATE INDEX projects_search_trgm ON projects USING gin (search_text gin_trgm_ops);
