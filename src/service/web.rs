//! What the web pages and the JSON API need beyond the views: the name
//! search, who must not be shown, and the per-guild API tokens.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::{Goodwill, ServiceError, StandingRow, StandingsPage, R};
use crate::capital::message::{GuildId, MemberId};
use crate::capital::refusal::Refusal;
use crate::store::web::ApiTokenRow;
use crate::store::ReadStore;

/// What a bearer token says about a request for one guild's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenCheck {
    /// A live token of this guild.
    Valid,
    /// Not a token, or revoked: 401.
    Unknown,
    /// A token of another guild: 403 (tokens name their guild, so this needs no lookup).
    OtherGuild,
}

/// SHA-256 of a token, hex: what the table keeps.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The guild a token was made for: tokens read `gw_{guild}_{secret}`.
fn token_guild(token: &str) -> Option<u64> {
    let rest = token.strip_prefix("gw_")?;
    let (guild, secret) = rest.split_once('_')?;
    (secret.len() == 64 && secret.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| guild.parse().ok())
        .flatten()
}

/// A token name: what moderators type to revoke it.
fn check_token_name(name: &str) -> R<&str> {
    let name = name.trim();
    let ok = !name.is_empty()
        && name.chars().count() <= 40
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'));
    if ok {
        Ok(name)
    } else {
        Err(Refusal::TokenName.into())
    }
}

impl Goodwill {
    /// Create a read-only API token for a guild. The token is returned once;
    /// only its hash is stored.
    pub async fn api_token_create(&self, guild: GuildId, name: &str, by: MemberId) -> R<String> {
        let name = check_token_name(name)?;
        self.guild_row(guild).await?;
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret)
            .map_err(|e| ServiceError::Invalid(format!("no randomness for a token: {e}")))?;
        let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
        let token = format!("gw_{guild}_{hex}");
        if !self
            .store()
            .insert_api_token(guild, name, &token_hash(&token), by, Utc::now())
            .await?
        {
            return Err(Refusal::TokenExists {
                name: format!("{name:?}"),
            }
            .into());
        }
        Ok(token)
    }

    /// Revoke (delete) a guild's token by name.
    pub async fn api_token_revoke(&self, guild: GuildId, name: &str) -> R<()> {
        let name = check_token_name(name)?;
        if self.store().delete_api_token(guild, name).await? {
            Ok(())
        } else {
            Err(Refusal::NoSuchToken {
                name: format!("{name:?}"),
            }
            .into())
        }
    }

    pub async fn api_tokens(&self, guild: GuildId) -> R<Vec<ApiTokenRow>> {
        Ok(self.store().api_tokens(guild).await?)
    }

    /// Check a bearer token against one guild.
    pub async fn api_token_check(&self, guild: GuildId, token: &str) -> R<TokenCheck> {
        match token_guild(token) {
            None => Ok(TokenCheck::Unknown),
            Some(g) if g != guild.get() => Ok(TokenCheck::OtherGuild),
            Some(_) => Ok(
                if self
                    .store()
                    .use_api_token(guild, &token_hash(token), Utc::now())
                    .await?
                {
                    TokenCheck::Valid
                } else {
                    TokenCheck::Unknown
                },
            ),
        }
    }

    /// Members the web must not show: opted out or departed.
    pub async fn hidden_members(&self, guild: GuildId) -> R<HashSet<MemberId>> {
        read!(self, guild, &[], |rs| rs
            .web_hidden_members(guild)
            .await
            .map_err(ServiceError::from))
    }

    /// Whether a member can have a page: known in the guild, not opted out, not departed.
    pub async fn member_visible(&self, guild: GuildId, member: MemberId) -> R<bool> {
        let (known, hidden) =
            tokio::try_join!(self.member_known(guild, member), self.hidden_members(guild))?;
        Ok(known && !hidden.contains(&member))
    }

    /// Whether the guild has seen the member at all.
    pub async fn member_known(&self, guild: GuildId, member: MemberId) -> R<bool> {
        let known = read!(self, guild, &[member], |rs| rs
            .member_names(guild, &[member])
            .await
            .map_err(ServiceError::from))?;
        Ok(known.contains_key(&member))
    }

    /// Standings rows of the members whose name contains `q`, with their
    /// real rank, a page of `report.page_size` at a time.
    pub async fn search_standings(
        &self,
        guild: GuildId,
        q: &str,
        page: u32,
        at: DateTime<Utc>,
    ) -> R<StandingsPage> {
        read!(self, guild, &[], |rs| self
            .search_standings_in(&rs, guild, q, page, at)
            .await)
    }

    async fn search_standings_in(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        q: &str,
        page: u32,
        at: DateTime<Utc>,
    ) -> R<StandingsPage> {
        let q = q.trim();
        if q.is_empty() || q.chars().count() > 100 {
            return Err(Refusal::SearchLength.into());
        }
        let row = self.guild_row_in(rs, guild).await?;
        let per_page = self
            .inner
            .cached_settings(guild, &row.settings)
            .map_err(|e| ServiceError::Invalid(e.to_string()))?
            .report
            .page_size
            .max(1);
        let page = page.max(1);
        let (ids, total) = rs
            .search_ranked(
                guild,
                q,
                (page as u64 - 1) * per_page as u64,
                per_page as u64,
            )
            .await?;
        let mut rows = Vec::with_capacity(ids.len());
        for m in ids {
            let b = self.balance_in(rs, guild, m, at).await?;
            rows.push(StandingRow {
                rank: b.rank.unwrap_or(0),
                member_id: m,
                member_name: b.member_name,
                standing: b.standing,
                recent: b.recent,
                lasting: b.lasting,
                tier: b.tier,
            });
        }
        rows.sort_by(|a, b| b.standing.total_cmp(&a.standing));
        Ok(StandingsPage {
            guild_id: guild,
            at,
            page,
            pages: (total.div_ceil(per_page as u64)).max(1) as u32,
            per_page,
            total_members: total,
            rows,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_name_their_guild() {
        let t = format!("gw_42_{}", "ab".repeat(32));
        assert_eq!(token_guild(&t), Some(42));
        assert_eq!(token_guild("gw_42_short"), None);
        assert_eq!(token_guild("Bearer x"), None);
        assert_eq!(token_hash("a").len(), 64);
        assert!(check_token_name("dash board-1").is_ok());
        assert!(check_token_name("<script>").is_err());
        assert!(check_token_name("").is_err());
    }
}
