# Buchungsgründe, wie Mitglieder sie in /history und /why lesen.

reason-adjusted = von Moderator { $moderator } angepasst: { $why }
reason-reversal = storniert Eintrag #{ $entry } ({ $kind }): { $why }
reason-vested-asker = zurückgehaltenes Guthaben freigegeben: dieser Eintrag ({ $kind }) vom { $at } wurde geschrieben, als das Konto des Fragenden neu war; der Fragende hatte seitdem mit { $others } weiteren etablierten Mitgliedern zu tun
reason-vested-giver = zurückgehaltenes Guthaben freigegeben: dieser Eintrag ({ $kind }) vom { $at } wurde geschrieben, als das Konto des Gebenden neu war; der Gebende hatte seitdem mit { $others } weiteren etablierten Mitgliedern zu tun
reason-mutual = gegenseitiger Austausch mit { $member }: beide erhalten +{ $bonus } ({ $share } der Gutschrift)

reason-helped-answered = half bei { $conversation }; hat geantwortet; Helfer Nr. { $nth } darin
reason-helped-in-thread = half bei { $conversation }; hat im Thread geantwortet; Helfer Nr. { $nth } darin
reason-helped-answered-back = half bei { $conversation }; die Person hat zurückgeschrieben; Helfer Nr. { $nth } darin
reason-helped-thanked = half bei { $conversation }; die Person hat sich bedankt; Helfer Nr. { $nth } darin
reason-answered = { $conversation }; zuerst beantwortet von { $by }; gefragt: { $asked }
reason-solution-opener = akzeptierte Lösung für { $conversation }; von der fragenden Person markiert
reason-solution-moderator = akzeptierte Lösung für { $conversation }; von Moderator { $moderator } markiert
reason-solution-tagged = akzeptierte Lösung für { $conversation }; das Solved-Tag des Forums wurde von Hand gesetzt; die letzte Antwort darin
reason-kudos = /kudos: { $text }

reason-conv-question = Frage von { $opener }, Unterhaltung { $id }, eröffnet { $at }
reason-conv-question-in = Frage von { $opener }, Unterhaltung { $id }, eröffnet { $at } in #{ $channel }
reason-conv-conversation = Unterhaltung von { $opener }, Unterhaltung { $id }, eröffnet { $at }
reason-conv-conversation-in = Unterhaltung von { $opener }, Unterhaltung { $id }, eröffnet { $at } in #{ $channel }

reason-undo-deleted = Nachricht gelöscht am { $at }
reason-undo-edited = Nachricht bearbeitet
reason-undo-reaction = Reaktion entfernt
reason-undo-solution-moved = die Lösung ist zu einer anderen Nachricht gewandert
reason-undo-appeal = Einspruch #{ $appeal } von Moderator { $moderator } angenommen
reason-undo-appeal-note = Einspruch #{ $appeal } von Moderator { $moderator } angenommen: { $note }

reason-trust-tenure = { $tenure } Tage dabei, Ansehen { $standing }
reason-trust-none = noch kein eigener Eintrag

reason-note-pair-repeat = Wiederholung Nr. { $n } für dieses Paar ×{ $factor }
reason-note-pair-repeat-mutual = Wiederholung Nr. { $n } für dieses Paar, nicht gedämpft: Hilfe ging in beide Richtungen
reason-note-giver-weight = Gewicht des Gebenden ×{ $weight }
reason-note-new-giver = neuer Gebender ({ $why }) ×{ $trust }
reason-note-over-budget = Gutschrift Nr. { $n } des Gebenden in 24 h, über dem Budget von { $budget } ×{ $factor }
reason-note-closed-group = geschlossene Gruppe: Gutschriften kommen über andere zum Gebenden zurück (ein Kreis aus { $members } Mitgliedern), { $outside } Gebende von außerhalb in { $days } Tagen ×{ $factor }
reason-note-answer-bonus = Antwortbonus +{ $bonus }
reason-note-follows-help = folgt auf Hilfe
reason-note-unverified = keine Hilfe des Empfängers für den Gebenden in { $hours } h gesehen ×{ $factor }
reason-note-held-asker = das Konto des Fragenden ist neu ({ $age } Tage alt): +{ $held } mehr zurückgehalten, bis es mit { $partners } weiteren etablierten Mitgliedern zu tun hatte (verfällt nach { $days } Tagen)
reason-note-held-giver = das Konto des Gebenden ist neu ({ $age } Tage alt): +{ $held } mehr zurückgehalten, bis es mit { $partners } weiteren etablierten Mitgliedern zu tun hatte (verfällt nach { $days } Tagen)
reason-note-shared = geteilt mit früheren Helfern ×{ $share }
reason-note-help-repeat = Hilfe Nr. { $n } für dieses Mitglied in { $days } Tagen ×{ $factor }
reason-note-help-repeat-mutual = Hilfe Nr. { $n } für dieses Mitglied, nicht gedämpft: Hilfe ging in beide Richtungen
reason-note-new-asker-life = das Konto des Fragenden ist neu ({ $age } Tage alt), hatte aber mit { $others } weiteren etablierten Mitgliedern zu tun: volle Gutschrift
reason-note-new-asker-now = das Konto des Fragenden ist neu ({ $age } Tage alt; { $why }) ×{ $trust } vorerst
reason-note-new-asker = das Konto des Fragenden ist neu ({ $age } Tage alt; { $why }) ×{ $trust }
reason-note-ask = Frage Nr. { $k } in { $hours } h
reason-note-ask-since-help = Frage Nr. { $k } in { $hours } h seit der letzten eigenen Hilfe
reason-note-audience = Publikum ×{ $factor }

# Die Belege der Erkennung. Zitierte Wörter, Namen, Emoji, Links und
# Kanalnamen stammen aus der Nachricht und bleiben, wie sie sind.
reason-ev-thanks = { $matched }; { $found }
reason-ev-matched = erkannt: „{ $words }“
reason-ev-quoted = „{ $words }“
reason-ev-target-mention = Ziel @{ $who } per Erwähnung
reason-ev-target-name-near = Ziel „{ $who }“ per Name direkt beim Dank ({ $how })
reason-ev-target-name-in-text = Ziel „{ $who }“ per Name im Text ({ $how })
reason-ev-target-reply = Ziel { $who } per Antwortverknüpfung
reason-ev-target-conversation = Ziel { $who } per Unterhaltung ({ $how })
reason-ev-name-exact = genau
reason-ev-name-normalized = ohne Groß- und Kleinschreibung und Satzzeichen
reason-ev-name-core = Nick ohne Zusatz
reason-ev-name-prefix = eindeutiger Anfang
reason-ev-name-typo = ein Tippfehler
reason-ev-partner-last-message = die letzte Nachricht der dankenden Person ging an sie
reason-ev-partner-latest-exchange = letzter Austausch mit der dankenden Person
reason-ev-partner-answered-since = hat der dankenden Person seit deren letzter Nachricht geantwortet
reason-ev-partner-right-after = hat die Bitte der dankenden Person direkt danach beantwortet
reason-ev-partner-answered = hat der dankenden Person geantwortet
reason-ev-thanks-cause = Dank „dank etwas“, nennt kein Mitglied
reason-ev-thanks-group = an eine Gruppe gerichtet („{ $words }“)
reason-ev-thanks-unknown-name = „{ $name }“ hat in letzter Zeit nicht im Kanal geschrieben
reason-ev-thanks-no-target = keine Erwähnung, keine Antwort, kein Name und kein kürzlicher Austausch
reason-ev-thanks-anticipatory = mit „{ $words }“
reason-ev-thanks-end-of-request = am Ende einer Bitte
reason-ev-thanks-talk = „{ $words }“ spricht über das Danken
reason-ev-question = Frage „{ $words }?“
reason-ev-question-form = Frageform „{ $words }…“
reason-ev-in-help-channel = { $ask } (Hilfekanal #{ $channel })
reason-ev-problem = Problem „{ $words }“ im Hilfekanal #{ $channel }
reason-ev-invite-link = Einladungslink „{ $link }“
reason-ev-promo-channel-link = Link im Werbekanal #{ $channel }
reason-ev-promo-channel-attachment = Anhang im Werbekanal #{ $channel }
reason-ev-link = Link { $link }
reason-ev-attachments = { $n ->
    [one] { $n } Anhang
   *[other] { $n } Anhänge
}
reason-ev-role-pings = { $n ->
    [one] { $n } Rollen-Ping
   *[other] { $n } Rollen-Pings
}
reason-ev-broadcast = { $pings }; Reichweitenfaktor { $factor }
reason-ev-reaction = Reaktion { $emoji } von { $by }
reason-ev-reaction-on-message = Reaktion { $emoji } von { $by } auf die Nachricht von { $author }
reason-ev-reaction-on-thanks-nobody = Reaktion { $emoji } von { $by } auf eine Dankesnachricht, der niemand gutgeschrieben wurde
reason-ev-reaction-on-thanks = Reaktion { $emoji } von { $by } auf eine Dankesnachricht; zählt für die, denen sie dankte
reason-ev-reaction-on-shared = Reaktion { $emoji } von { $by } auf geteilte Inhalte
