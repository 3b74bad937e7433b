-- The node warnings list at a province's size (NodePlans/Warnings/OpenNodes.cs PageAsync): a grade is a range of planned
-- dates, so the page's keys come off this in the list's order and the count is index-only. It orders as the old
-- open-by-due index did and more, so that one goes.
CREATE INDEX project_nodes_open ON project_nodes (planned_on, project_id, position) INCLUDE (id, owner)
    WHERE completed_on IS NULL;
DROP INDEX project_nodes_open_by_due;
-- Whose projects the warnings count reads, index-only: those not terminated, by district, with their park.
CREATE INDEX projects_open_scope ON projects (district, id) INCLUDE (park_id) WHERE state <> 'Terminated';

-- The project list's pages in each order it offers, city-wide and for a district, index-only until the page's own rows
-- (Lifecycle/ProjectsApi.cs): by creation for a district, by signing day (the export's order too), and by state and industry.
CREATE INDEX projects_district_created ON projects (district, created_at, id);
CREATE INDEX projects_signed_order ON projects (signed_on DESC NULLS LAST, created_at, id);
CREATE INDEX projects_district_signed_order ON projects (district, signed_on DESC NULLS LAST, created_at, id);
CREATE INDEX projects_state_industry ON projects (state, industry, created_at, id) INCLUDE (district);
