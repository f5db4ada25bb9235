-- A key whose effect's own rows are its answer (a movement and its ledger rows) is claimed with the id those rows
-- are stored under, instead of a copy of the answer written after the effect (and after its row locks).
alter table idempotency_record add column reference uuid;
