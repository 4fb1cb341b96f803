//! Self-promotion, shared content and broadcasts.
//!
//! Self-promotion: a server invite link, promotion wording ("check out my",
//! "subscribe to my"), or a link or attachment in a promotion channel. A link
//! or attachment that is neither promotion nor part of a request is shared
//! content. A ping to many (`@everyone`, `@here`, roles) is a broadcast, scaled
//! by its audience; without an ask it is an announcement.

use super::{Analysis, Detector};
use crate::capital::reason::{Detected, Ping};
use crate::capital::signal::{EntryKind, Rule, Signal};

impl Detector {
    /// The message's self-promotion, if any.
    pub(super) fn self_promotion(&self, a: &Analysis) -> Option<Signal> {
        let msg = a.msg;
        let has_link = !a.links.is_empty();
        // Links are looked at in the raw text (cleaning removed them).
        let raw_lower = if has_link {
            a.original.to_lowercase()
        } else {
            String::new()
        };
        let invite = if has_link {
            self.invite.as_ref().and_then(|r| r.find(&raw_lower))
        } else {
            None
        };
        let (rule, evidence) = if let Some(inv) = invite {
            (
                Rule::PromoInviteLink,
                Detected::InviteLink {
                    link: inv.as_str().to_string(),
                },
            )
        } else if let Some(t) = self.self_promo.as_ref().and_then(|r| {
            let hay: &str = if has_link { &raw_lower } else { a.lower };
            r.find(hay)
        }) {
            (Rule::PromoWording, Detected::matched(t.as_str()))
        } else if a.promo_channel && (has_link || msg.attachments > 0) {
            (
                Rule::PromoChannel,
                Detected::PromoChannel {
                    attachment: !has_link,
                    channel: msg.channel_name.clone(),
                },
            )
        } else {
            return None;
        };
        Some(Signal::new(
            EntryKind::SelfPromotion,
            a.me(),
            rule,
            evidence.to_string(),
        ))
    }

    /// A ping to many: an ask (`asks`: a request or self-promotion) costs,
    /// scaled by the audience; a plain announcement is reported as ignored
    /// unless `broadcast_requires_ask` is off.
    pub(super) fn broadcast(&self, a: &Analysis, asks: bool) -> Option<Signal> {
        let s = &self.settings;
        let msg = a.msg;
        let pings_everyone = msg.mentions_everyone;
        if !pings_everyone && msg.role_mentions.is_empty() {
            return None;
        }
        let here_only =
            pings_everyone && a.original.contains("@here") && !a.original.contains("@everyone");
        let mut factor = 0.0;
        let mut ping = None;
        if pings_everyone {
            if here_only {
                factor += s.broadcast_here_factor;
                ping = Some(Ping::Here);
            } else {
                factor += s.broadcast_everyone_factor;
                ping = Some(Ping::Everyone);
            }
        }
        if !msg.role_mentions.is_empty() {
            factor += s.broadcast_role_factor * msg.role_mentions.len() as f64;
        }
        let factor = factor.min(s.broadcast_max_factor).max(1.0);
        let rule = if asks {
            Rule::BroadcastAsk
        } else {
            Rule::BroadcastAnnouncement
        };
        let evidence = Detected::Broadcast {
            ping,
            roles: msg.role_mentions.len(),
            factor,
        };
        let mut sig = Signal::new(EntryKind::Broadcast, a.me(), rule, evidence.to_string());
        sig.magnitude = factor;
        if !asks && s.broadcast_requires_ask {
            sig = sig.ignored("ping without an ask (announcement)");
        }
        Some(sig)
    }
}

/// A link (the first) or attachment(s) in the message, as shared content.
pub(super) fn share(a: &Analysis) -> Option<Signal> {
    let (rule, evidence) = if let Some(l) = a.links.first() {
        let link: String = l.chars().take(80).collect();
        (Rule::ShareLink, Detected::Link { link })
    } else if a.msg.attachments > 0 {
        (
            Rule::ShareAttachment,
            Detected::Attachments {
                n: a.msg.attachments,
            },
        )
    } else {
        return None;
    };
    Some(Signal::new(
        EntryKind::SharedContent,
        a.me(),
        rule,
        evidence.to_string(),
    ))
}
