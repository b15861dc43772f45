-- PerfLink store, schema version 5: what the admin page's result table filters by (issue 15), taken from the typed
-- result when it is queued: its outcome (a verdict's outcome, a warning's level, a grade, an adjustment's action, a
-- notice's type), the department it names (notices, department adjustments and assessments) and its rule ids
-- (' R1 R2 ', each between spaces so that one id is matched whole). Rows queued before stay NULL: they match no
-- such filter until their result is queued again.
ALTER TABLE pl_result ADD COLUMN IF NOT EXISTS outcome VARCHAR(32);
ALTER TABLE pl_result ADD COLUMN IF NOT EXISTS department VARCHAR(400);
ALTER TABLE pl_result ADD COLUMN IF NOT EXISTS rule_ids VARCHAR(2000);
CREATE INDEX IF NOT EXISTS pl_result_outcome_latest ON pl_result (region_code, outcome, outbox_seq);
-- a kind and an outcome together (verdicts that BLOCK): else the kind's index is read and every match sorted (3 s at 100 000)
CREATE INDEX IF NOT EXISTS pl_result_kind_outcome_latest ON pl_result (region_code, kind, outcome, outbox_seq);
CREATE INDEX IF NOT EXISTS pl_result_department_latest ON pl_result (region_code, department, outbox_seq);
