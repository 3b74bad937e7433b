-- Reads at a province's size, fourth round (issue 20): a district officer's search of a common term (春城) counted its
-- intents by probing every enterprise that holds the term (13,000 of them) for intents in the district. An intent now holds
-- what it is searched by, its enterprise's name and USCC included, so that one index finds its matches and the district
-- is checked on those alone.

-- A copy of its enterprise's search_text, written with the intent and again whenever the enterprise's name or USCC changes.
-- No default: a write that leaves it out fails rather than hiding the intent from a search by its enterprise.
ALTER TABLE cooperation_intents ADD COLUMN enterprise_search_text text NOT NULL DEFAULT '';
UPDATE cooperation_intents i SET enterprise_search_text = e.search_text FROM enterprises e WHERE e.id = i.enterprise_id;
ALTER TABLE cooperation_intents ALTER COLUMN enterprise_search_text DROP DEFAULT;

-- search_text (0004) again, now with the enterprise's text first; fields apart by a line break, as before. Dropping the
-- column drops its index of character pairs (0007), made again below.
ALTER TABLE cooperation_intents DROP COLUMN search_text;
ALTER TABLE cooperation_intents
    ADD COLUMN search_text text GENERATED ALWAYS AS (
        enterprise_search_text || E'\n' || coalesce(task_team ->> 'leadOfficial', '') || E'\n'
        || coalesce(task_team ->> 'members', '')) STORED;
CREATE INDEX cooperation_intents_search_bigrams ON cooperation_intents USING gin (search_bigrams(search_text));
