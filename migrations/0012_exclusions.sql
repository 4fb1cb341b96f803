-- Exclusions (`exclude.roles`, `exclude.members`): members who are neither
-- tracked nor shown on boards, and members who left, who disappear from
-- boards at once (their data stays for `members.leave_cleanup_days`).
--
-- roles: the member's Discord role ids as the gateway last told them
-- (GUILD_CREATE members, GUILD_MEMBER_ADD / UPDATE, the member of messages,
-- reactions and commands).
-- excluded: whether the guild's exclude settings cover the member, written
-- with the roles and recomputed when those settings change, so that boards
-- filter on one flag (a partial index holds only the hidden members).
ALTER TABLE members
    ADD COLUMN roles    BIGINT[] NOT NULL DEFAULT '{}',
    ADD COLUMN excluded BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX members_hidden ON members (guild_id, member_id)
    WHERE excluded OR left_at IS NOT NULL;
