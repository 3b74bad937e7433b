-- Existing free text onto the bureau's dictionaries (the tables come with platform migration 0008): industries of
-- projects and parks spelled another way (an alias, blanks around) take the dictionary's name; an industry no entry
-- knows becomes an entry of its own with no sector (未分类, never silently 二产) for the bureau to classify; districts
-- the projects and parks name that the dictionary lacks are added. When anything was added the dictionaries move to
-- version 2 (the copies, still at the seed's version 1, take the whole snapshot with the bureau's next change).
UPDATE projects p SET industry = i.name
FROM industries i
WHERE p.industry <> i.name AND btrim(p.industry) = ANY (i.aliases || i.name);

UPDATE parks SET
    leading_industries = ARRAY(
        SELECT coalesce((SELECT i.name FROM industries i WHERE btrim(u.x) = ANY (i.aliases || i.name) LIMIT 1), btrim(u.x))
        FROM unnest(leading_industries) WITH ORDINALITY AS u(x, n) ORDER BY u.n),
    specialty_industries = ARRAY(
        SELECT coalesce((SELECT i.name FROM industries i WHERE btrim(u.x) = ANY (i.aliases || i.name) LIMIT 1), btrim(u.x))
        FROM unnest(specialty_industries) WITH ORDINALITY AS u(x, n) ORDER BY u.n);

UPDATE projects SET industry = btrim(industry) WHERE industry <> btrim(industry);

INSERT INTO industries (code, name, sector, chain, aliases, active, version)
SELECT 'U_' || upper(substr(md5(found.name), 1, 12)), found.name, NULL, NULL, '{}', true, 1
FROM (SELECT industry AS name FROM projects
      UNION SELECT unnest(leading_industries) FROM parks
      UNION SELECT unnest(specialty_industries) FROM parks) found
WHERE found.name <> '' AND NOT EXISTS (SELECT 1 FROM industries i WHERE found.name = ANY (i.aliases || i.name));

INSERT INTO districts (code, name, active, version)
SELECT 'D_' || upper(substr(md5(found.name), 1, 12)), found.name, true, 1
FROM (SELECT btrim(district) AS name FROM projects
      UNION SELECT btrim(first_district) FROM projects
      UNION SELECT btrim(district) FROM parks) found
WHERE found.name <> '' AND NOT EXISTS (SELECT 1 FROM districts d WHERE d.name = found.name);

UPDATE dictionary_versions SET version = greatest(version, 2), changed_at = now()
WHERE EXISTS (SELECT 1 FROM industries WHERE code LIKE 'U\_%') OR EXISTS (SELECT 1 FROM districts WHERE code LIKE 'D\_%');
