-- Corrections: promotion events carry a version as enterprises and intents do, so an edit made on a stale copy is refused.
ALTER TABLE promotion_events ADD COLUMN version integer NOT NULL DEFAULT 1;

-- Keyword search (GET /api/search): part of a name, a USCC or a person, matched with ILIKE on trigram indexes.
-- pg_trgm is a trusted extension: the database's owner, the service's own login, may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What a search looks in, one column per table so that one index answers it; fields apart by a line break, which no
-- search term holds, so a match never spans two fields.
ALTER TABLE enterprises
    ADD COLUMN search_text text GENERATED ALWAYS AS (name || E'\n' || coalesce(uscc::text, '')) STORED;
CREATE INDEX enterprises_search_trgm ON enterprises USING gin (search_text gin_trgm_ops);

-- The intent's people: its task team's (专班) lead official and members. Its enterprise's name and USCC are searched above.
ALTER TABLE cooperation_intents
    ADD COLUMN search_text text GENERATED ALWAYS AS (
        coalesce(task_team ->> 'leadOfficial', '') || E'\n' || coalesce(task_team ->> 'members', '')) STORED;
CREATE INDEX cooperation_intents_search_trgm ON cooperation_intents USING gin (search_text gin_trgm_ops);
