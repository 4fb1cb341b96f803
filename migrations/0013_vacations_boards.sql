-- Vacations (`/vacation days:N`): decay stops for the span. ends_at is the
-- effective end (moved earlier when a moderator ends it); only rows whose
-- span lies inside a member's history matter to their balance, so they are
-- kept (a member's vacations go with their data on opt-out / clean-up).
CREATE TABLE vacations (
    guild_id     BIGINT NOT NULL,
    vacation_id  BIGINT GENERATED ALWAYS AS IDENTITY,
    member_id    BIGINT NOT NULL,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    -- The moderator who ended it early, and when.
    ended_by     BIGINT,
    ended_at     TIMESTAMPTZ,
    PRIMARY KEY (guild_id, vacation_id)
);
CREATE INDEX vacations_member ON vacations (guild_id, member_id, starts_at);

-- Period boards: each period's winners post, claimed before it is sent so a
-- restart (or a second process) does not post it again. period: 'week:2026-W44'
-- or 'month:2026-10'.
CREATE TABLE period_posts (
    guild_id    BIGINT NOT NULL,
    period      TEXT NOT NULL,
    channel_id  BIGINT NOT NULL,
    claimed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, period)
);

-- The living leaderboard: the one message the bot keeps up to date in
-- board.channel_id, so that after a restart it edits that message.
CREATE TABLE board_messages (
    guild_id    BIGINT PRIMARY KEY,
    channel_id  BIGINT NOT NULL,
    message_id  BIGINT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
