-- PerfLink store, schema version 3: the result ledger, status counters, fencing for several nodes.
-- Re-runnable like V1 (IF NOT EXISTS, guarded inserts, counters recomputed).

-- The latest body of every result, kept after its outbox rows are pruned. first_seq orders a subject's
-- results (the seq of the result's first row that was not superseded); outbox_seq is its latest row.
CREATE TABLE IF NOT EXISTS pl_result (
    result_id     VARCHAR(400) NOT NULL,
    region_code   VARCHAR(16) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    subject       VARCHAR(400),
    body          VARCHAR(1000000) NOT NULL,
    content_hash  VARCHAR(200) NOT NULL,
    state         VARCHAR(16) NOT NULL,
    outbox_seq    BIGINT NOT NULL,
    first_seq     BIGINT NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (result_id, region_code, kind)
);
-- a subject's history (resultsOf)
CREATE INDEX IF NOT EXISTS pl_result_subject ON pl_result (region_code, kind, subject, first_seq);
-- the page's latest results, and marking the latest row delivered or dead
CREATE INDEX IF NOT EXISTS pl_result_latest ON pl_result (region_code, outbox_seq);
CREATE INDEX IF NOT EXISTS pl_result_kind_latest ON pl_result (region_code, kind, outbox_seq);

INSERT INTO pl_result (result_id, region_code, kind, subject, body, content_hash, state, outbox_seq, first_seq,
    created_at, delivered_at)
SELECT o.result_id, o.region_code, o.kind, o.subject, o.body, o.content_hash, o.state, o.seq,
    COALESCE((SELECT MIN(f.seq) FROM pl_outbox f WHERE f.result_id = o.result_id AND f.region_code = o.region_code
        AND f.kind = o.kind AND f.state <> 'SUPERSEDED'), o.seq),
    o.created_at, o.delivered_at
FROM pl_outbox o
WHERE NOT EXISTS (SELECT 1 FROM pl_outbox n WHERE n.result_id = o.result_id AND n.region_code = o.region_code
        AND n.kind = o.kind AND n.seq > o.seq)
    AND NOT EXISTS (SELECT 1 FROM pl_result r WHERE r.result_id = o.result_id AND r.region_code = o.region_code
        AND r.kind = o.kind);

-- Status counters, kept by the transactions that change them.
ALTER TABLE pl_region ADD COLUMN IF NOT EXISTS backlog BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE pl_region ADD COLUMN IF NOT EXISTS delivered BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE pl_region ADD COLUMN IF NOT EXISTS dead_letters BIGINT DEFAULT 0 NOT NULL;
UPDATE pl_region r SET
    backlog = (SELECT COUNT(*) FROM pl_outbox o WHERE o.region_code = r.region_code AND o.state = 'PENDING'),
    delivered = (SELECT COUNT(*) FROM pl_outbox o WHERE o.region_code = r.region_code AND o.state = 'DELIVERED'),
    dead_letters = (SELECT COUNT(*) FROM pl_dead_letter d WHERE d.region_code = r.region_code
        AND d.replayed_at IS NULL);

-- The node that did the work.
ALTER TABLE pl_event_log ADD COLUMN IF NOT EXISTS node VARCHAR(200);
ALTER TABLE pl_outbox ADD COLUMN IF NOT EXISTS node VARCHAR(200);
ALTER TABLE pl_outbox ADD COLUMN IF NOT EXISTS delivered_by VARCHAR(200);

-- Fencing: one outbox row per content of a result. Older rows of a content that came back (or was replayed)
-- are history the ledger now keeps; an undelivered row is never removed.
DELETE FROM pl_outbox o WHERE o.state <> 'PENDING' AND EXISTS (SELECT 1 FROM pl_outbox n
    WHERE n.region_code = o.region_code AND n.kind = o.kind AND n.result_id = o.result_id
    AND n.content_hash = o.content_hash AND n.seq > o.seq);
CREATE UNIQUE INDEX IF NOT EXISTS pl_outbox_content ON pl_outbox (region_code, kind, result_id, content_hash);
