-- The KPIs at a province's size, counted in SQL (Kpis/KpiStore.cs): every column they count, keyed by district and the
-- day a project's year is taken from, so each scope is an index-only scan of this index rather than of the table.
CREATE INDEX projects_kpis ON projects (district, (coalesce(signed_on, opened_on)))
    INCLUDE (state, signed_on, company_name, land_acquired_on, construction_started_on, state_entered_at);
-- The longest stuck come off these in order, city-wide and by district; 首谈 credit reads only the transferred projects.
CREATE INDEX projects_stuck ON projects (state_entered_at, id) WHERE state NOT IN ('InProduction', 'Terminated');
CREATE INDEX projects_stuck_by_district ON projects (district, state_entered_at, id) WHERE state NOT IN ('InProduction', 'Terminated');
CREATE INDEX projects_transferred_out ON projects (first_district) WHERE first_district <> district;

-- Nodes open on a past day include those completed after it (NodePlans/Warnings/OpenNodes.cs): read by completion day.
CREATE INDEX project_nodes_completed ON project_nodes (completed_on) WHERE completed_on IS NOT NULL;
