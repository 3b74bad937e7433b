-- Verified funds in place (到位资金), as the funding service reports them.
ALTER TABLE projects ADD COLUMN verified_funds_cny numeric(18,2) NOT NULL DEFAULT 0;
