-- PerfLink store, schema version 6: the admin page's dead-letter and audit tables at province scale (issue 15).
-- A dead letter keeps the stage whose work it parked: an input's stage as the event's, a result's as its kind's
-- (rows parked before: from their kind; an input parked before stays NULL and matches no stage filter).
ALTER TABLE pl_dead_letter ADD COLUMN IF NOT EXISTS stage VARCHAR(16);
UPDATE pl_dead_letter SET stage = CASE kind WHEN 'VERDICT' THEN 'COMPILE' WHEN 'WARNING' THEN 'EXECUTE'
    ELSE 'CLOSE' END WHERE stage IS NULL AND kind <> 'INPUT';
-- a region's letters by stage, by subject, by kind (each newest or oldest first: id)
CREATE INDEX IF NOT EXISTS pl_dead_letter_stage ON pl_dead_letter (region_code, stage, id);
CREATE INDEX IF NOT EXISTS pl_dead_letter_subject ON pl_dead_letter (region_code, subject, id);
CREATE INDEX IF NOT EXISTS pl_dead_letter_kind ON pl_dead_letter (region_code, kind, id);
-- the audit log by actor, action, target (a region, or region/STAGE) and time
CREATE INDEX IF NOT EXISTS pl_audit_actor ON pl_audit (actor, id);
CREATE INDEX IF NOT EXISTS pl_audit_action ON pl_audit (action_name, id);
CREATE INDEX IF NOT EXISTS pl_audit_target ON pl_audit (target, id);
CREATE INDEX IF NOT EXISTS pl_audit_time ON pl_audit (recorded_at, id);
