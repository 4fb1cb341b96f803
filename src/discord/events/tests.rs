//! The worker's ordering and grouping rules.

use super::*;

#[test]
fn group_max_is_read_or_refused_with_a_reason() {
    assert_eq!(parse_group_max(None), Ok(GROUP_MAX));
    assert_eq!(parse_group_max(Some(" ")), Ok(GROUP_MAX));
    assert_eq!(parse_group_max(Some(" 500 ")), Ok(500));
    for bad in ["abc", "10", "20000", "-5"] {
        let e = parse_group_max(Some(bad)).unwrap_err();
        assert!(e.contains(bad) && e.contains("50 to 10000"), "{e}");
    }
}

fn msg(id: u64) -> LedgerEvent {
    LedgerEvent::Message(MessageIn {
        guild_id: GuildId(1),
        id: MessageId(id),
        ..Default::default()
    })
}

fn reaction(added: bool) -> LedgerEvent {
    LedgerEvent::Reaction(ReactionIn {
        guild_id: GuildId(1),
        channel_id: ChannelId(2),
        message_id: MessageId(3),
        user: Person::default(),
        emoji: "🙏".into(),
        at: Utc::now(),
        added,
    })
}

#[test]
fn bursts_are_put_back_in_causal_order() {
    let mut b = vec![
        LedgerEvent::Delete {
            guild: GuildId(1),
            channel: ChannelId(2),
            ids: vec![MessageId(3)],
        },
        reaction(false),
        msg(30),
        reaction(true),
        msg(10),
    ];
    restore_order(&mut b);
    let kinds: Vec<_> = b.iter().map(|e| e.kind()).collect();
    assert_eq!(
        kinds,
        [
            "message_create",
            "message_create",
            "reaction_add",
            "reaction_remove",
            "message_delete"
        ]
    );
    assert!(matches!(&b[0], LedgerEvent::Message(m) if m.id == MessageId(10)));
}
