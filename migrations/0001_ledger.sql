-- Goodwill schema. Every table leads with guild_id so the schema can be
-- distributed by guild without change.

CREATE TABLE guilds (
    guild_id       BIGINT PRIMARY KEY,
    name           TEXT NOT NULL DEFAULT '',
    -- Reference time T0 of the decay accumulators (moved forward by a rebase).
    ref_time       TIMESTAMPTZ NOT NULL,
    -- Half-lives the accumulators were computed with (a change triggers a recompute).
    recent_half_life_days  DOUBLE PRECISION NOT NULL,
    lasting_half_life_days DOUBLE PRECISION NOT NULL,
    recent_weight  DOUBLE PRECISION NOT NULL,
    -- When the stored leaderboard keys were last evaluated.
    standings_at   TIMESTAMPTZ NOT NULL,
    -- Per-guild settings overrides (same shape as config/default.toml).
    settings       JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE members (
    guild_id    BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    name        TEXT NOT NULL,
    nickname    TEXT,
    is_bot      BOOLEAN NOT NULL DEFAULT false,
    first_seen  TIMESTAMPTZ NOT NULL,
    opted_out   BOOLEAN NOT NULL DEFAULT false,
    left_at     TIMESTAMPTZ,
    PRIMARY KEY (guild_id, member_id)
);
CREATE INDEX members_name ON members (guild_id, lower(name));

CREATE TABLE channels (
    guild_id    BIGINT NOT NULL,
    channel_id  BIGINT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

-- The minimal metadata of each processed message, so replies, reactions and
-- deletes can be resolved later without the text.
CREATE TABLE messages (
    guild_id    BIGINT NOT NULL,
    message_id  BIGINT NOT NULL,
    channel_id  BIGINT NOT NULL,
    author_id   BIGINT NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    reply_to    BIGINT,
    -- MessageFlags bits: request, thanks, helpful_reply, shared_content, self_promotion, broadcast.
    flags       SMALLINT NOT NULL DEFAULT 0,
    thanked     BIGINT[] NOT NULL DEFAULT '{}',
    addressees  BIGINT[] NOT NULL DEFAULT '{}',
    deleted_at  TIMESTAMPTZ,
    PRIMARY KEY (guild_id, message_id)
);

-- The ledger: append-only. A reversal is its own entry pointing at the one it undoes.
CREATE TABLE ledger (
    guild_id       BIGINT NOT NULL,
    entry_id       BIGINT GENERATED ALWAYS AS IDENTITY,
    member_id      BIGINT NOT NULL,
    counterpart_id BIGINT,
    kind           TEXT NOT NULL,
    amount         DOUBLE PRECISION NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    channel_id     BIGINT,
    message_id     BIGINT,
    reason         TEXT NOT NULL,
    -- Same event processed twice => same key => written once.
    idem_key       TEXT NOT NULL,
    reverses       BIGINT,
    PRIMARY KEY (guild_id, entry_id),
    UNIQUE (guild_id, idem_key)
);
CREATE INDEX ledger_member_at ON ledger (guild_id, member_id, at);
CREATE INDEX ledger_message ON ledger (guild_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX ledger_at ON ledger (guild_id, at);

-- Per-member decay accumulators in reference-time units (see src/capital/decay.rs):
-- a balance is one row read; the leaderboard is an index scan on standing_key.
CREATE TABLE balances (
    guild_id      BIGINT NOT NULL,
    member_id     BIGINT NOT NULL,
    acc_recent    DOUBLE PRECISION NOT NULL DEFAULT 0,
    acc_lasting   DOUBLE PRECISION NOT NULL DEFAULT 0,
    -- Standing evaluated at guilds.standings_at (ordering key, refreshed by a sweep).
    standing_key  DOUBLE PRECISION NOT NULL DEFAULT 0,
    entries       BIGINT NOT NULL DEFAULT 0,
    last_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, member_id)
);
CREATE INDEX balances_standing ON balances (guild_id, standing_key DESC, member_id);
