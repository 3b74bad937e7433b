-- From the converted intent: the district that negotiated first (首谈) and the task team (专班) that follows the project.
ALTER TABLE projects
    ADD COLUMN first_district text  NULL,
    ADD COLUMN task_team      jsonb NULL;
UPDATE projects SET first_district = district;
ALTER TABLE projects ALTER COLUMN first_district SET NOT NULL;
