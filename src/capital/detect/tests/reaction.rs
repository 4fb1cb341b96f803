//! Reactions.

use super::*;

#[test]
fn thank_reaction_on_normal_and_thank_you_message() {
    let s = DetectSettings::default();
    let mut c = Chan::new();
    let answer = c.say(&bob(), "run sudo dpkg --configure -a");
    let sig = detect_reaction(&reaction(&alice(), "🙏🏽"), &answer.remembered, &s);
    assert_eq!(sig.len(), 1);
    assert_eq!(
        (sig[0].kind, sig[0].member, sig[0].counterpart),
        (EntryKind::ThankReaction, MemberId(2), Some(MemberId(1)))
    );
    // ❤ without the variation selector matches ❤️
    assert_eq!(
        detect_reaction(&reaction(&alice(), "❤"), &answer.remembered, &s).len(),
        1
    );
    // not a thank emoji
    assert!(detect_reaction(&reaction(&alice(), "😂"), &answer.remembered, &s).is_empty());

    let ty = c.say_to(&alice(), &bob(), "thanks!");
    let sig = detect_reaction(&reaction(&carol(), "🙏"), &ty.remembered, &s);
    assert_eq!(sig.len(), 1);
    assert_eq!(
        (sig[0].member, sig[0].counterpart, sig[0].rule),
        (MemberId(2), Some(MemberId(3)), Rule::ReactionOnThanks)
    );

    // self-reaction and bot reactor are ignored
    let sig = detect_reaction(&reaction(&bob(), "🙏"), &answer.remembered, &s);
    assert!(sig[0].ignored.is_some());
    let sig = detect_reaction(&reaction(&bot(60, "carl"), "🙏"), &answer.remembered, &s);
    assert!(sig[0].ignored.is_some());
}

#[test]
fn reaction_on_shared_content() {
    let s = DetectSettings::default();
    let mut c = Chan::new();
    let share = c.say(&bob(), "nice writeup https://lwn.net/Articles/1/");
    let sig = detect_reaction(&reaction(&alice(), "🔥"), &share.remembered, &s);
    assert_eq!(sig.len(), 1);
    assert_eq!(
        (sig[0].kind, sig[0].member, sig[0].counterpart, sig[0].rule),
        (
            EntryKind::SharedContent,
            MemberId(2),
            Some(MemberId(1)),
            Rule::ShareReaction
        )
    );
    let own = detect_reaction(&reaction(&bob(), "🔥"), &share.remembered, &s);
    assert!(own[0].ignored.is_some());
}
