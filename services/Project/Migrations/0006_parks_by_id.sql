-- Projects reference their park by id, so a renamed park keeps its projects (and its staff's access). A project whose
-- park name no park carries any more (its park was renamed before this) is matched through the audited renames.
ALTER TABLE projects ADD COLUMN park_id uuid NULL REFERENCES parks (id);
UPDATE projects p SET park_id = k.id FROM parks k WHERE k.name = p.park;
UPDATE projects p SET park_id = renamed.record_id
FROM (SELECT DISTINCT ON (before ->> 'name') before ->> 'name' AS old_name, record_id
      FROM audit_log
      WHERE record_type = 'Park' AND action = 'updated' AND before ->> 'name' IS DISTINCT FROM after ->> 'name'
      ORDER BY before ->> 'name', id DESC) renamed
WHERE p.park_id IS NULL AND p.park = renamed.old_name AND EXISTS (SELECT 1 FROM parks WHERE id = renamed.record_id);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM projects WHERE park IS NOT NULL AND park_id IS NULL) THEN
        RAISE EXCEPTION 'Projects name parks that no longer exist: %',
            (SELECT string_agg(DISTINCT park, ', ') FROM projects WHERE park IS NOT NULL AND park_id IS NULL);
    END IF;
END $$;
DROP INDEX projects_park;
ALTER TABLE projects DROP COLUMN park;
CREATE INDEX projects_park_id ON projects (park_id);
