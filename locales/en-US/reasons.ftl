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
reason-note-audience = audience ×{ $factor }
