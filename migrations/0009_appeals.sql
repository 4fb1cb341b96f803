-- Appeals: a member contests one of their own ledger entries; a moderator
-- accepts (the entry is reversed by an audited reversal entry) or rejects.
-- One appeal per entry.
CREATE TABLE appeals (
    guild_id      BIGINT NOT NULL,
    appeal_id     BIGINT GENERATED ALWAYS AS IDENTITY,
    member_id     BIGINT NOT NULL,
    entry_id      BIGINT NOT NULL,
    reason        TEXT NOT NULL,
    filed_at      TIMESTAMPTZ NOT NULL,
    -- open | accepted | rejected
    status        TEXT NOT NULL DEFAULT 'open',
    moderator_id  BIGINT,
    decided_at    TIMESTAMPTZ,
    note          TEXT,
    PRIMARY KEY (guild_id, appeal_id),
    UNIQUE (guild_id, entry_id)
);
CREATE INDEX appeals_open ON appeals (guild_id, filed_at) WHERE status = 'open';
