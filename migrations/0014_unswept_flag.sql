-- "Unswept" (the row's key moved since the last standings sweep, see 0006)
-- as a column of its own. The planner cannot estimate a comparison of two
-- columns (sweep_key <> standing_key): it guessed that 99.5 % of the rows
-- were unswept and 0.5 % swept, the reverse of a swept board, and so read
-- the whole table where the partial indexes answer in a few pages (/balance
-- and /standings at 3-8 ms at 10 M messages instead of well under one).
-- A stored boolean has statistics of its own, so the estimate is right.
ALTER TABLE balances
    ADD COLUMN unswept BOOLEAN GENERATED ALWAYS AS (sweep_key IS DISTINCT FROM standing_key) STORED;
DROP INDEX balances_unswept;
CREATE INDEX balances_unswept ON balances (guild_id, standing_key DESC, member_id) WHERE unswept;
ANALYZE balances;
