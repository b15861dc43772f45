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
