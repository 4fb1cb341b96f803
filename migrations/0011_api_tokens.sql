-- Read-only API tokens, per guild (`/config api-token create|revoke|list`).
-- Only the SHA-256 of a token is kept: it is shown once, when created.
CREATE TABLE api_tokens (
    guild_id     BIGINT NOT NULL,
    name         TEXT NOT NULL,
    -- hex SHA-256 of the whole token
    token_hash   TEXT NOT NULL,
    created_by   BIGINT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    PRIMARY KEY (guild_id, name),
    UNIQUE (guild_id, token_hash)
);
