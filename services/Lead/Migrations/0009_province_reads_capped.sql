-- Reads at a province's size, third round (issue 20).

-- Keyword search of a common term (春城: over a thousand enterprises): the page walks the target list in its order and
-- checks each name here, from the index alone, rather than reading and sorting every match. The list's name sort uses it too.
CREATE INDEX enterprises_search_by_name ON enterprises (name, id) INCLUDE (search_text);

-- An industry chain's page per role, in its order (priority, then name); its counts per role off the first two columns.
CREATE INDEX enterprises_chain_order ON enterprises (industry_chain, chain_role, priority, name, id);
DROP INDEX enterprises_chain;

-- Intents newest received first: the export walks it a batch at a time, a search of a common term a page.
CREATE INDEX cooperation_intents_received ON cooperation_intents (received_on, id);
