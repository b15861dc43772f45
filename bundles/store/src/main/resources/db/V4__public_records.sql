-- PerfLink store, schema version 4: what rules.md §9 makes public, kept by PerfLink for the open-data export
-- (issue 15). One body per (region, budget year, kind, project); the primary key's order is the export's order.
CREATE TABLE IF NOT EXISTS pl_public_record (
    region_code   VARCHAR(16) NOT NULL,
    budget_year   INT NOT NULL,
    kind          VARCHAR(32) NOT NULL,
    project_code  VARCHAR(400) NOT NULL,
    body          VARCHAR(1000000) NOT NULL,
    event_id      VARCHAR(200),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (region_code, budget_year, kind, project_code)
);

-- The admin page's result list at province scale (issue 15): a page filtered by delivery state or by a subject
-- (project code) prefix reads an index range in seq order, never the region's whole ledger.
CREATE INDEX IF NOT EXISTS pl_result_state_latest ON pl_result (region_code, state, outbox_seq);
CREATE INDEX IF NOT EXISTS pl_result_subject_latest ON pl_result (region_code, subject, outbox_seq);
