-- Reads at a province's size: the lists' default order (created_at, id) comes off an index, so a page (a deep one too)
-- reads its rows, not the whole table sorted.
CREATE INDEX enterprises_created ON enterprises (created_at, id);
CREATE INDEX cooperation_intents_created ON cooperation_intents (created_at, id);

-- Open intents only (a small share of all): the overdue list and the service-level scanner read these.
CREATE INDEX cooperation_intents_open ON cooperation_intents (received_on) WHERE status IN ('New', 'Following', 'Qualified');
