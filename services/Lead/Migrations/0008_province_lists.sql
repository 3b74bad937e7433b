-- Reads at a province's size, second round (issue 20).

-- The target list's name filter: by the name's character pairs first (search_bigrams, 0007), as the keyword search,
-- so that counting a common part of a name (春城) reads the rows holding it, not the whole table.
CREATE INDEX enterprises_name_bigrams ON enterprises USING gin (search_bigrams(name));

-- The intent list in its default order with what its filters and scope read: a page (a deep one too) and a filtered
-- walk are found in the index alone, and only the page's rows are read from the table.
CREATE INDEX cooperation_intents_list ON cooperation_intents (created_at, id)
    INCLUDE (district, previous_districts, status, industry, enterprise_id);
DROP INDEX cooperation_intents_created;

-- District staff also see the intents transferred away from them: counted through this index, apart from their own.
CREATE INDEX cooperation_intents_previous_districts ON cooperation_intents USING gin (previous_districts);

-- The overdue list and the scanner work out every open intent's lateness: from the index alone.
CREATE INDEX cooperation_intents_open_deadlines ON cooperation_intents (received_on)
    INCLUDE (id, status, district, responded_on, assessed_on, last_contact_on, intended_investment)
    WHERE status IN ('New', 'Following', 'Qualified');
DROP INDEX cooperation_intents_open;
