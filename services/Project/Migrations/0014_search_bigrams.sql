-- Keyword search at a province's size: a trigram index cannot narrow a two-character term (春城, a person's name), so a
-- search looks projects up by the term's character pairs and checks its ILIKE on those alone. The pairs of the
-- lower-cased text, each once; ILIKE still decides, so a pair that spans two fields only costs a row checked.
CREATE FUNCTION search_bigrams(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}') FROM generate_series(1, length(value) - 1) AS i $$;

CREATE INDEX projects_search_bigrams ON projects USING gin (search_bigrams(search_text));
-- The pairs answer every term the trigrams did.
DROP INDEX projects_search_trgm;
