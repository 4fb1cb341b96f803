-- Conversations: the unit of help (src/capital/conversation). Every message is
-- placed in one; a question costs once per conversation, at its first answer,
-- and help is credited once per helper and conversation. Stored so that a
-- conversation spans a restart or an import boundary, and so that moderators
-- and helpers can list the open ones.
CREATE TABLE conversations (
    guild_id         BIGINT NOT NULL,
    -- The id of the message that opened it (a thread's id for a thread).
    conversation_id  BIGINT NOT NULL,
    channel_id       BIGINT NOT NULL,
    -- A thread or forum post (the whole thread is the conversation).
    thread           BOOLEAN NOT NULL DEFAULT false,
    opener_id        BIGINT NOT NULL,
    opened_at        TIMESTAMPTZ NOT NULL,
    last_at          TIMESTAMPTZ NOT NULL,
    -- The opener's question, when it opened with one (or asked later).
    ask_message_id   BIGINT,
    ask_at           TIMESTAMPTZ,
    ask_evidence     TEXT,
    -- The question's cost was charged (at its first answer).
    charged          BOOLEAN NOT NULL DEFAULT false,
    -- open | answered | thanked | solved | abandoned
    state            TEXT NOT NULL,
    -- [{member, first_at, credited}] of everyone else who took part.
    responders       JSONB NOT NULL DEFAULT '[]'::jsonb,
    PRIMARY KEY (guild_id, conversation_id)
);
CREATE INDEX conversations_last ON conversations (guild_id, last_at);
CREATE INDEX conversations_open ON conversations (guild_id, opened_at)
    WHERE ask_message_id IS NOT NULL AND state IN ('open', 'answered');

-- The conversation each stored message was placed in.
ALTER TABLE messages ADD COLUMN conversation_id BIGINT;
CREATE INDEX messages_at ON messages (guild_id, at);
