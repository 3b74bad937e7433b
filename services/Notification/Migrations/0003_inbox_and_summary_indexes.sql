-- A caller's inbox is the items of their audience (the bureau: those escalated to it; district staff: their district's;
-- park staff: their park's) and those addressed to them. Each audience's items in the list's order (created_at DESC, id),
-- so that a page comes off the index and a count reads the index alone; the recipients' GIN index serves the addressed
-- ones (through @>, which it answers, unlike = ANY).
CREATE INDEX inbox_items_bureau ON inbox_items (created_at DESC, id) WHERE grade = 'bureau';
DROP INDEX inbox_items_district;
CREATE INDEX inbox_items_district ON inbox_items (district, created_at DESC, id);
DROP INDEX inbox_items_park;
CREATE INDEX inbox_items_park ON inbox_items (park, created_at DESC, id);
-- A person's read marks, for their unread items and count (the primary key leads with the item).
CREATE INDEX inbox_reads_username ON inbox_reads (username, item_id);

-- The summary's count per district and grade of what is open now, from the index alone.
CREATE INDEX warning_states_open_grades ON warning_states (district, grade) WHERE closed_on IS NULL;
