-- Existing free text onto this service's copy of the bureau's dictionaries (platform migration 0008): intents'
-- industries spelled another way (an alias, blanks around) take the dictionary's name. A spelling no entry knows stays
-- as it is: the project service owns the dictionaries, and an intent's industry is chosen from them on its next edit.
UPDATE cooperation_intents c SET industry = i.name
FROM industries i
WHERE c.industry <> i.name AND btrim(c.industry) = ANY (i.aliases || i.name);

UPDATE enterprises SET hq_region = btrim(hq_region) WHERE hq_region <> btrim(hq_region);
