-- Accepted solutions ("Mark as solution", a forum's Solved tag): one per
-- conversation. The credit itself is a ledger entry of kind 'solution'; these
-- columns say which message it is, so a second mark can tell "the same again"
-- from "moved to another message", and /unsolved can list what is left.
ALTER TABLE conversations
    ADD COLUMN solution_message_id BIGINT,
    ADD COLUMN solver_id           BIGINT,
    -- Who marked it (the opener or a moderator); NULL for a tag applied by hand.
    ADD COLUMN solution_by         BIGINT,
    ADD COLUMN solved_at           TIMESTAMPTZ,
    -- When the opener was asked whether it was solved (at most once).
    ADD COLUMN nudged_at           TIMESTAMPTZ;

-- /unsolved and the nudge: conversations that asked, oldest first.
CREATE INDEX conversations_unsolved ON conversations (guild_id, opened_at)
    WHERE ask_message_id IS NOT NULL AND solution_message_id IS NULL;

-- /balance counts a member's accepted solutions in its one round trip.
CREATE INDEX ledger_solutions ON ledger (guild_id, member_id) WHERE kind = 'solution';
