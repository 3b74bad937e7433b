-- The overdue list's page in its order (longest late first) off an index of the items still under review, and its count
-- from the same index with the case to scope it by (INCLUDE), without reading the items themselves.
CREATE INDEX approval_items_under_review ON approval_items (due_on, id) INCLUDE (case_id)
    WHERE status IN ('Open', 'AcceptedWithDeficiency', 'Suspended');
