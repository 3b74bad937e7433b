-- Existing free text onto this service's copy of the bureau's dictionaries (platform migration 0008): ledgers'
-- industries spelled another way (an alias, blanks around) take the dictionary's name, so 一产/二产/三产 shares count
-- them under their industry; a spelling no entry knows counts as 未分类 until the bureau adds it.
UPDATE funding_ledgers l SET industry = i.name
FROM industries i
WHERE l.industry <> i.name AND btrim(l.industry) = ANY (i.aliases || i.name);
