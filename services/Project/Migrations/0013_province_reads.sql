-- Reads at a province's size: the project list's default order (created_at, id) comes off an index, so a page (a deep one
-- too) reads its rows, not the whole table sorted.
CREATE INDEX projects_created ON projects (created_at, id);
