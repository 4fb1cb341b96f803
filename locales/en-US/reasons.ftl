# Ledger reasons as members read them in /history and /why. The stored
# reason stays English (src/capital/reason); these render its parts.
# Numbers arrive formatted; names, rule codes and quoted words as stored.

reason-adjusted = adjusted by moderator { $moderator }: { $why }
reason-reversal = reverses entry #{ $entry } ({ $kind }): { $why }
reason-vested-asker = held credit vested: this { $kind } of { $at } was written while the asker's account was new; the asker has since dealt with { $others } other established members
reason-vested-giver = held credit vested: this { $kind } of { $at } was written while the giver's account was new; the giver has since dealt with { $others } other established members
reason-mutual = mutual exchange with { $member }: both gain +{ $bonus } ({ $share } of the credit)

reason-helped-answered = helped with { $conversation }; answered them; helper #{ $nth } in it
reason-helped-in-thread = helped with { $conversation }; answered in their thread; helper #{ $nth } in it
reason-helped-answered-back = helped with { $conversation }; they answered back; helper #{ $nth } in it
reason-helped-thanked = helped with { $conversation }; they said thanks; helper #{ $nth } in it
reason-answered = { $conversation }; first answered by { $by }; asked: { $asked }
reason-solution-opener = accepted solution to { $conversation }; marked by them
reason-solution-moderator = accepted solution to { $conversation }; marked by moderator { $moderator }
reason-solution-tagged = accepted solution to { $conversation }; the forum's Solved tag applied by hand; the last to answer in it
reason-kudos = /kudos: { $text }

reason-conv-question = { $opener }'s question, conversation { $id } opened { $at }
reason-conv-question-in = { $opener }'s question, conversation { $id } opened { $at } in #{ $channel }
reason-conv-conversation = { $opener }'s conversation, conversation { $id } opened { $at }
reason-conv-conversation-in = { $opener }'s conversation, conversation { $id } opened { $at } in #{ $channel }

reason-undo-deleted = message deleted at { $at }
reason-undo-edited = message edited
reason-undo-reaction = reaction removed
reason-undo-solution-moved = the solution moved to another message
reason-undo-appeal = appeal #{ $appeal } accepted by moderator { $moderator }
reason-undo-appeal-note = appeal #{ $appeal } accepted by moderator { $moderator }: { $note }

reason-trust-tenure = { $tenure } d tenure, standing { $standing }
reason-trust-none = no entry of its own yet

reason-note-pair-repeat = repeat #{ $n } for this pair ×{ $factor }
reason-note-pair-repeat-mutual = repeat #{ $n } for this pair, not damped: help went both ways
reason-note-giver-weight = giver weight ×{ $weight }
reason-note-new-giver = new giver ({ $why }) ×{ $trust }
reason-note-over-budget = giver's credit #{ $n } in 24 h, over the budget of { $budget } ×{ $factor }
reason-note-closed-group = closed group: credit comes back to the giver through others (a loop of { $members } members), { $outside } outside giver(s) in { $days } d ×{ $factor }
reason-note-answer-bonus = answer bonus +{ $bonus }
reason-note-follows-help = follows help
reason-note-unverified = no help by the receiver to the giver seen in { $hours } h ×{ $factor }
reason-note-held-asker = the asker's account is new ({ $age } d old): +{ $held } more held until it deals with { $partners } other established members (lapses after { $days } d)
reason-note-held-giver = the giver's account is new ({ $age } d old): +{ $held } more held until it deals with { $partners } other established members (lapses after { $days } d)
reason-note-shared = shared with earlier helpers ×{ $share }
reason-note-help-repeat = help #{ $n } to this member in { $days } d ×{ $factor }
reason-note-help-repeat-mutual = help #{ $n } to this member, not damped: help went both ways
reason-note-new-asker-life = asker's account is new ({ $age } d old) but has dealt with { $others } other established members: full credit
reason-note-new-asker-now = asker's account is new ({ $age } d old; { $why }) ×{ $trust } now
reason-note-new-asker = asker's account is new ({ $age } d old; { $why }) ×{ $trust }
reason-note-ask = ask #{ $k } in { $hours } h
reason-note-ask-since-help = ask #{ $k } in { $hours } h since they last helped
reason-note-audience = audience ×{ $factor }

# Detection's evidence (src/capital/reason/detected.rs). Quoted words,
# names, emoji, links and channel names are the message's own, as stored.
reason-ev-thanks = { $matched }; { $found }
reason-ev-matched = matched "{ $words }"
reason-ev-quoted = "{ $words }"
reason-ev-target-mention = target @{ $who } by mention
reason-ev-target-name-near = target "{ $who }" by name next to the thanks ({ $how })
reason-ev-target-name-in-text = target "{ $who }" by name in the text ({ $how })
reason-ev-target-reply = target { $who } by reply link
reason-ev-target-conversation = target { $who } by conversation ({ $how })
reason-ev-name-exact = exact
reason-ev-name-normalized = ignoring case and punctuation
reason-ev-name-core = nick without its suffix
reason-ev-name-prefix = unique prefix
reason-ev-name-typo = one typo
reason-ev-partner-last-message = the thanker's last message was to them
reason-ev-partner-latest-exchange = latest exchange with the thanker
reason-ev-partner-answered-since = answered the thanker since their last message
reason-ev-partner-right-after = answered the thanker's request right after it
reason-ev-partner-answered = answered the thanker
reason-ev-thanks-cause = "thanks to" names no member
reason-ev-thanks-group = addressed to a group ("{ $words }")
reason-ev-thanks-unknown-name = "{ $name }" is not a recent member of the channel
reason-ev-thanks-no-target = no mention, reply, name or recent exchange
reason-ev-thanks-anticipatory = with "{ $words }"
reason-ev-thanks-end-of-request = at the end of a request
reason-ev-thanks-talk = "{ $words }" talks about thanking
reason-ev-question = question "{ $words }?"
reason-ev-question-form = question form "{ $words }…"
reason-ev-in-help-channel = { $ask } (help channel #{ $channel })
reason-ev-problem = problem "{ $words }" in help channel #{ $channel }
reason-ev-invite-link = invite link "{ $link }"
reason-ev-promo-channel-link = link in promotion channel #{ $channel }
reason-ev-promo-channel-attachment = attachment in promotion channel #{ $channel }
reason-ev-link = link { $link }
reason-ev-attachments = { $n } attachment(s)
reason-ev-role-pings = { $n } role ping(s)
reason-ev-broadcast = { $pings }; audience factor { $factor }
reason-ev-reaction = reaction { $emoji } by { $by }
reason-ev-reaction-on-message = reaction { $emoji } by { $by } on { $author }'s message
reason-ev-reaction-on-thanks-nobody = reaction { $emoji } by { $by } on a thank-you message with no credited target
reason-ev-reaction-on-thanks = reaction { $emoji } by { $by } on a thank-you message; credits who it thanked
reason-ev-reaction-on-shared = reaction { $emoji } by { $by } on shared content
