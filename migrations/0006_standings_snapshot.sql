-- The leaderboard order as the last standings sweep left it, so that a rank,
-- the member count and any page cost O(log members + members changed since
-- the sweep) instead of O(rank) / O(depth) / O(members).
--
-- sweep_key / sweep_rank: the row's standing_key and its 1-based position in
-- (standing_key DESC, member_id) order at the last sweep (or snapshot); NULL
-- for rows created since. A row whose standing_key moved since the sweep
-- (sweep_key IS NULL OR sweep_key <> standing_key) is "unswept"; every other
-- row still holds its key and so its relative order. Deleting a balances row
-- re-takes the snapshot (see Store::snapshot_standings).
ALTER TABLE balances ADD COLUMN sweep_key DOUBLE PRECISION, ADD COLUMN sweep_rank BIGINT;
CREATE INDEX balances_sweep_rank ON balances (guild_id, sweep_rank);
CREATE INDEX balances_sweep_key ON balances (guild_id, sweep_key DESC, member_id);
CREATE INDEX balances_unswept ON balances (guild_id, standing_key DESC, member_id)
    WHERE sweep_key IS NULL OR sweep_key <> standing_key;
