-- PerfLink store, schema version 7: each result's body written once, and fewer B-trees per queued result
-- (issue 18). Rows queued before keep their bodies where they are (the readers take pl_body's when a row has none).

-- The body of every outbox row, by the row's seq: inserted with the row and never rewritten. The outbox row (the
-- writer marks it delivered) and the ledger row (its state, its latest seq) stay narrow, so marking a result
-- delivered no longer rewrites its body twice. A body goes with its outbox row when the row is pruned, unless the
-- ledger's latest row of the result is that row.
CREATE TABLE IF NOT EXISTS pl_body (
    seq   BIGINT NOT NULL PRIMARY KEY,
    body  VARCHAR(1000000) NOT NULL
);
ALTER TABLE pl_outbox ALTER COLUMN body DROP NOT NULL;
ALTER TABLE pl_result ALTER COLUMN body DROP NOT NULL;

-- The dedupe lookup and a subject's history have read the result ledger since version 3: these two outbox indexes
-- were written for every result and read by nothing.
DROP INDEX IF EXISTS pl_outbox_result;
DROP INDEX IF EXISTS pl_outbox_subject;
