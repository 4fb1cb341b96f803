//! The command framework, shown only the events it acts on.
//!
//! serenity hands the framework every gateway event, each in a task of its
//! own, and poise looks at every message for a prefix command. Goodwill's
//! commands are slash and context-menu commands (interactions); the other
//! events (the messages, edits and reactions a busy server sends by the
//! thousand a second) reach the ledger through the raw event handler.
//! Showing poise only what it acts on took a few per cent of the live
//! path's CPU off each event.

use poise::serenity_prelude as serenity;

use super::{Data, Error};

/// poise's framework behind a filter on the events.
pub struct CommandsOnly(pub poise::Framework<Data, Error>);

/// Whether poise acts on `event`: the ready event (its setup registers the
/// commands), interactions, and messages that start with a mention (poise
/// takes "@Goodwill …" as a prefix: none of the commands is one today, and
/// a command made one later keeps working). Edits and deletions only
/// matter to poise's edit tracker, which Goodwill does not use.
fn acts_on(event: &serenity::FullEvent) -> bool {
    match event {
        serenity::FullEvent::Message { new_message } => {
            new_message.content.trim_start().starts_with("<@")
        }
        serenity::FullEvent::MessageUpdate { .. }
        | serenity::FullEvent::MessageDelete { .. }
        | serenity::FullEvent::MessageDeleteBulk { .. }
        | serenity::FullEvent::ReactionAdd { .. }
        | serenity::FullEvent::ReactionRemove { .. }
        | serenity::FullEvent::ReactionRemoveAll { .. }
        | serenity::FullEvent::ReactionRemoveEmoji { .. }
        | serenity::FullEvent::TypingStart { .. }
        | serenity::FullEvent::PresenceUpdate { .. } => false,
        _ => true,
    }
}

#[serenity::async_trait]
impl serenity::Framework for CommandsOnly {
    async fn init(&mut self, client: &serenity::Client) {
        serenity::Framework::init(&mut self.0, client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        if acts_on(&event) {
            // Boxed: the task serenity spawns per event stays small (its
            // future is copied into the task).
            Box::pin(serenity::Framework::dispatch(&self.0, ctx, event)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(content: &str) -> serenity::FullEvent {
        let mut m = serenity::Message::default();
        m.content = content.into();
        serenity::FullEvent::Message { new_message: m }
    }

    #[test]
    fn only_messages_that_may_be_prefix_commands_reach_poise() {
        assert!(!acts_on(&message("how do I flash this board?")));
        assert!(acts_on(&message("<@123> balance")));
    }
}
