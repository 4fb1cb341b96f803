-- Credit held until the new account it came from shows a life of its own
-- (src/capital/score/vesting.rs). Not part of `amount`: when it vests, a new
-- entry (idem_key 'vest:' || the original's key) carries it.
ALTER TABLE ledger ADD COLUMN held double precision NOT NULL DEFAULT 0;
