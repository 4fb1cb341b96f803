//! Evidence, as stored: real detector outputs are today's English byte for
//! byte, read back as typed detection evidence, and render in German
//! without the English words.

use super::*;
use crate::capital::reason::{render, Detected, Evidence};
use crate::i18n::Lang;

/// Every signal's "rule (evidence)" for a script that reaches every shape
/// of evidence the detectors write.
fn scripted() -> Vec<String> {
    let mut out = Vec::new();
    let mut keep = |d: &Detection| {
        for s in &d.signals {
            out.push(format!("{} ({})", s.rule, s.evidence));
        }
    };
    // Thanks, by target.
    let mut c = Chan::new();
    c.say(&carol(), "unrelated chatter here");
    keep(&c.say_to(&alice(), &bob(), "thanks, that worked"));
    let answer = c.say(&bob(), "run sudo update-grub after that");
    let mut m = c.msg(&alice(), "that fixed it, thank you!");
    m.reply_to = Some(answer.remembered.id);
    keep(&c.send_msg(m));
    let tom = person(4, "tom___");
    c.say(&tom, "or use the text installer");
    keep(&c.say(&alice(), "thanks bob"));
    keep(&c.say(&alice(), "tom__ thanks!"));
    keep(&c.say(&alice(), "thx CAROL"));
    keep(&c.say(
        &alice(),
        "i got it working now, and thanks a lot tom___ for that",
    ));
    keep(&c.say(&alice(), "thanks all"));
    keep(&c.say(&alice(), "thanks xyz_42"));
    keep(&c.say(&alice(), "Carol_ your fix worked, many thanks"));
    keep(&c.say(&alice(), "thanks to the new kernel it boots"));
    // Thanks that are not gratitude.
    keep(&c.say(&alice(), "thanks in advance"));
    keep(&c.say(&alice(), "no thanks"));
    keep(&c.say(&alice(), "thank god it works"));
    keep(&c.say(&alice(), "thanks for nothing"));
    keep(&c.say(&alice(), "i should thank him later"));
    keep(&c.say(&alice(), "how do i mount a usb stick? thanks"));
    // Conversation partners, and nobody.
    let mut c = Chan::new();
    keep(&c.say(&alice(), "thanks"));
    c.say(&alice(), "my wifi drops every few minutes, any idea why?");
    c.say_to(&bob(), &alice(), "check dmesg for firmware errors");
    keep(&c.say(&alice(), "that was it, thanks!"));
    // Requests.
    let mut c = Chan::new();
    keep(&c.say(&alice(), "can someone help me with grub"));
    keep(&c.say(&bob(), "how do i mount a usb stick?"));
    keep(&c.say(&carol(), "does ubuntu have a driver for this card"));
    keep(&c.say(&alice(), "my wifi drops every few minutes, why?"));
    let mut h = Chan::named("help-linux");
    keep(&h.say(&alice(), "my wifi doesn't work after the update"));
    keep(&h.say(&bob(), "how do i install the nvidia driver?"));
    keep(&h.say(&carol(), "can someone help me with grub"));
    keep(&h.say(&alice(), "my wifi drops every few minutes, why?"));
    keep(&h.say(&bob(), "does ubuntu have a driver for this card"));
    // Promotion, shares, broadcasts.
    keep(&c.say(&bob(), "join us at https://discord.gg/abc123"));
    keep(&c.say(&bob(), "please subscribe to my channel"));
    let mut p = Chan::named("self-promo");
    keep(&p.say(&bob(), "my thing: https://example.com"));
    let mut m = p.msg(&bob(), "");
    m.attachments = 1;
    keep(&p.send_msg(m));
    keep(&c.say(
        &alice(),
        "the wiki explains it: https://help.ubuntu.com/community/Grub2",
    ));
    let mut m = c.msg(&alice(), "");
    m.attachments = 2;
    keep(&c.send_msg(m));
    let mut m = c.msg(&alice(), "@everyone can someone help me test my build?");
    m.mentions_everyone = true;
    keep(&c.send_msg(m));
    let mut m = c.msg(&alice(), "@here <@&77> the server restarts at 10:00 UTC");
    m.mentions_everyone = true;
    m.role_mentions = vec![77];
    keep(&c.send_msg(m));
    let mut m = c.msg(&alice(), "<@&77> <@&78> could you look at my PR please");
    m.role_mentions = vec![77, 78];
    keep(&c.send_msg(m));
    // Reactions.
    let s = DetectSettings::default();
    let mut c = Chan::new();
    let answer = c.say(&bob(), "run sudo dpkg --configure -a");
    let ty = c.say_to(&alice(), &bob(), "thanks!");
    let nobody = c.say(&carol(), "thanks");
    let link = c.say(&carol(), "see https://wiki.ubuntu.com/Grub");
    let mut reactions = Vec::new();
    reactions.extend(detect_reaction(
        &reaction(&alice(), "🙏🏽"),
        &answer.remembered,
        &s,
    ));
    reactions.extend(detect_reaction(
        &reaction(&carol(), "🙏"),
        &ty.remembered,
        &s,
    ));
    reactions.extend(detect_reaction(
        &reaction(&bob(), "🙏"),
        &nobody.remembered,
        &s,
    ));
    reactions.extend(detect_reaction(
        &reaction(&bot(60, "carl"), "🙏"),
        &answer.remembered,
        &s,
    ));
    reactions.extend(detect_reaction(
        &reaction(&alice(), "😂"),
        &link.remembered,
        &s,
    ));
    for s in reactions {
        out.push(format!("{} ({})", s.rule, s.evidence));
    }
    out
}

/// What the detectors wrote for [`scripted`] before evidence was typed:
/// the stored text must not change by a byte.
const TODAY: &[&str] = &[
    "thanks.mention (matched \"thanks\"; target @bob2 by mention)",
    "thanks.reply_target (matched \"thank you\"; target bob2 by reply link)",
    "thanks.name (matched \"thanks\"; target \"bob2\" by name next to the thanks (unique prefix))",
    "thanks.name (matched \"thanks\"; target \"tom___\" by name next to the thanks (ignoring case and punctuation))",
    "thanks.name (matched \"thx\"; target \"Carol_\" by name next to the thanks (ignoring case and punctuation))",
    "thanks.name (matched \"thanks\"; target \"tom___\" by name next to the thanks (exact))",
    "thanks.to_group (matched \"thanks\"; addressed to a group (\"all\"))",
    "thanks.unknown_name (matched \"thanks\"; \"xyz_42\" is not a recent member of the channel)",
    "thanks.name (matched \"many thanks\"; target \"Carol_\" by name in the text (exact))",
    "thanks.cause (matched \"thanks\"; \"thanks to\" names no member)",
    "thanks.anticipatory (matched \"thanks\"; with \"in advance\")",
    "thanks.declining (matched \"thanks\"; \"no thanks\")",
    "thanks.exclamation (matched \"thank\"; \"thank … god\")",
    "thanks.sarcasm (matched \"thanks\"; \"thanks for nothing\")",
    "thanks.talk (matched \"thank\"; \"should thank\" talks about thanking)",
    "thanks.anticipatory (matched \"thanks\"; at the end of a request)",
    "request.phrase (matched \"how do\")",
    "thanks.no_target (matched \"thanks\"; no mention, reply, name or recent exchange)",
    "thanks.conversation (matched \"thanks\"; target bob2 by conversation (answered the thanker since their last message))",
    "request.phrase (matched \"can someone help\")",
    "request.phrase (matched \"how do\")",
    "request.question_form (question form \"does ubuntu have a driver for…\")",
    "request.question (question \"my wifi drops every few minutes why?\")",
    "request.help_channel (problem \"doesn't work\" in help channel #help-linux)",
    "request.phrase (matched \"how do\" (help channel #help-linux))",
    "request.phrase (matched \"can someone help\" (help channel #help-linux))",
    "request.question (question \"my wifi drops every few minutes why?\" (help channel #help-linux))",
    "request.question_form (question form \"does ubuntu have a driver for…\" (help channel #help-linux))",
    "promo.invite_link (invite link \"discord.gg/abc123\")",
    "promo.wording (matched \"subscribe to my\")",
    "promo.channel (link in promotion channel #self-promo)",
    "promo.channel (attachment in promotion channel #self-promo)",
    "share.link (link https://help.ubuntu.com/community/Grub2)",
    "share.attachment (2 attachment(s))",
    "request.phrase (matched \"can someone help\")",
    "broadcast.ask (@everyone; audience factor 10)",
    "broadcast.announcement (@here + 1 role ping(s); audience factor 8)",
    "request.phrase (matched \"could you look\")",
    "broadcast.ask (2 role ping(s); audience factor 6)",
    "reaction.thank_emoji (reaction 🙏🏽 by alice on bob2's message)",
    "reaction.on_thanks (reaction 🙏 by Carol_ on a thank-you message; credits who it thanked)",
    "reaction.thanks_no_target (reaction 🙏 by bob2 on a thank-you message with no credited target)",
    "reaction.bot (reaction 🙏 by carl)",
    "share.reaction (reaction 😂 by alice on shared content)",
];

/// English that must not be left once the evidence is rendered (the rule
/// code in front and the message's own quoted words stay as they are).
const ENGLISH: &[&str] = &[
    "matched \"",
    "target ",
    "by mention",
    "by reply link",
    "by name",
    "next to the thanks",
    "in the text",
    "by conversation",
    "unique prefix",
    "ignoring case",
    "(exact)",
    "answered the thanker",
    "addressed to a group",
    "not a recent member",
    "names no member",
    "with \"",
    "at the end of a request",
    "talks about thanking",
    "no mention, reply",
    "question \"",
    "question form",
    "problem \"",
    "help channel",
    "invite link",
    "promotion channel",
    "link https",
    "attachment(s)",
    "role ping",
    "audience factor",
    "reaction 🙏",
    "reaction 😂",
    " by alice",
    "'s message",
    "thank-you message",
    "credits who",
    "shared content",
];

#[test]
fn detector_evidence_is_stored_as_before_and_reads_back_typed() {
    let got = scripted();
    assert_eq!(got, TODAY);
    for text in TODAY {
        let (rule, rest) = text.split_once(" (").unwrap();
        let evidence = rest.strip_suffix(')').unwrap();
        // Recognised as detection's evidence, and written back exactly.
        let Evidence::Detected(d) = Evidence::parse(evidence) else {
            panic!("not recognised: {evidence}");
        };
        assert_eq!(d.to_string(), evidence);
        assert_eq!(render(Lang::En, text), *text);
        // In German, no English is left after the rule code.
        let de = render(Lang::De, text);
        let de_evidence = de.strip_prefix(&format!("{rule} (")).unwrap();
        for w in ENGLISH {
            assert!(!de_evidence.contains(w), "{w:?} left in {de}");
        }
        for lang in Lang::ALL {
            let r = render(lang, text);
            assert!(
                !r.contains('{') && !r.contains("reason-ev"),
                "{lang:?}: {r}"
            );
        }
    }
    // The message's own words, names, emoji and links stay verbatim.
    assert_eq!(
        render(Lang::De, TODAY[0]),
        "thanks.mention (erkannt: „thanks“; Ziel @bob2 per Erwähnung)"
    );
    assert_eq!(
        render(Lang::De, TODAY[39]),
        "reaction.thank_emoji (Reaktion 🙏🏽 von alice auf die Nachricht von bob2)"
    );
    assert_eq!(
        render(Lang::De, TODAY[36]),
        "broadcast.announcement (@here + 1 Rollen-Ping; Reichweitenfaktor 8)"
    );
    assert_eq!(
        render(Lang::Fr, TODAY[33]),
        "share.attachment (2 pièces jointes)"
    );
    assert_eq!(
        render(Lang::Ja, TODAY[24]),
        "request.phrase (「how do」に一致（ヘルプチャンネル #help-linux）)"
    );
    assert!(matches!(
        Evidence::parse("matched \"thanks\"; target @bob2 by mention"),
        Evidence::Detected(Detected::Thanks { .. })
    ));
}
