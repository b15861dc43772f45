-- PerfLink store, schema version 2: look-ups of a subject's earlier results (hysteresis of
-- monitoring warnings, RED warnings counted for accountability notices).
CREATE INDEX IF NOT EXISTS pl_outbox_subject ON pl_outbox (region_code, kind, subject, seq);
