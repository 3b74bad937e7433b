-- The project export for one state (?state=InProduction) in its order, off an index: by signing day alone the newest
-- signed are rarely in production, so its first row came after most of the table had been walked.
CREATE INDEX projects_state_signed_order ON projects (state, signed_on DESC NULLS LAST, created_at, id);
