-- PerfLink store, schema version 7, H2 only (run after the portable script of the same version).
-- H2 reserves identity values 32 at a time by default, and each reservation commits the database's metadata in a
-- transaction of its own: with WRITE_DELAY=0 every 32 outbox rows wrote a chunk to the file (the largest single
-- cost of queuing a result in the profile of issue 18). One database-wide reservation of 10 000 keeps the order of
-- the values; an unclean stop leaves at most a gap of that size, and nothing reads seq as a count.
-- (PostgreSQL's sequences cache per session, which would break the order across connections: not set there.)
ALTER TABLE pl_outbox ALTER COLUMN seq SET CACHE 10000;
ALTER TABLE pl_dead_letter ALTER COLUMN id SET CACHE 10000;
ALTER TABLE pl_event_log ALTER COLUMN id SET CACHE 10000;
ALTER TABLE pl_audit ALTER COLUMN id SET CACHE 10000;
