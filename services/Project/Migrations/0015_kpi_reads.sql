-- The KPIs at a province's size, counted in SQL (Kpis/KpiStore.cs): every column they read, keyed by district and the
-- day a project's year is taken from, so each scope (city or district, any year or one) is an index-only scan.
CREATE INDEX projects_kpis ON projects (district, (coalesce(signed_on, opened_on)))
    INCLUDE (state, signed_on, opened_on, company_name, land_acquired_on, construction_started_on, state_entered_at);
-- The longest stuck come off this in order, the district and year filtered in the index, not the table.
CREATE INDEX projects_stuck ON projects (state_entered_at, id) INCLUDE (district, enterprise_name, state, signed_on, opened_on)
    WHERE state NOT IN ('InProduction', 'Terminated');
-- 首谈 credit reads only the projects transferred away.
CREATE INDEX projects_transferred_out ON projects (first_district) WHERE first_district <> district;

-- Nodes open on a past day include those completed after it (NodePlans/Warnings/OpenNodes.cs): read by completion day.
CREATE INDEX project_nodes_completed ON project_nodes (completed_on) WHERE completed_on IS NOT NULL;
