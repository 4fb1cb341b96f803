-- Reports, decay warnings, roles by standing and the log channel.
-- Every table leads with guild_id.

-- Decay warnings that were announced (digest channel and/or DM): each crossing
-- (member, tier, projected date) is claimed here before it is sent, once.
CREATE TABLE warnings_sent (
    guild_id    BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    tier        TEXT NOT NULL,
    falls_on    TIMESTAMPTZ NOT NULL,
    standing    DOUBLE PRECISION NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, member_id, tier, falls_on)
);

-- When each guild's weekly digest last ran.
CREATE TABLE digest_runs (
    guild_id    BIGINT PRIMARY KEY,
    last_run_at TIMESTAMPTZ NOT NULL
);

-- Members who asked for their decay warnings by direct message.
CREATE TABLE digest_subscribers (
    guild_id    BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, member_id)
);

-- Tier roles the bot could not manage (missing Manage Roles, role above the
-- bot's, unknown role). Reported to moderators once; the planner leaves the
-- role alone until the row is cleared (role settings changed, or the bot's
-- permissions changed).
CREATE TABLE role_problems (
    guild_id    BIGINT NOT NULL,
    role_id     BIGINT NOT NULL,
    problem     TEXT NOT NULL,
    first_seen  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, role_id)
);

-- How far the log channel has been posted: ledger entries with a larger id
-- (kudos, reversals, adjustments) are still to post.
CREATE TABLE log_cursor (
    guild_id       BIGINT PRIMARY KEY,
    last_entry_id  BIGINT NOT NULL
);
