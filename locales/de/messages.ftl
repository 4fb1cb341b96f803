# Was Mitglieder lesen: Antworten, Embeds und Kanalbeiträge.

## /balance
balance-title = Kontostand — { $name }
balance-rank = Rang #{ $rank }
balance-tier = **{ $tier }** (ab { $floor })
balance-next-tier = nächste: { $tier } ab { $at }
balance-vacation = 🏖️ Im Urlaub bis { $date } ({ $relative }): der Verfall ist pausiert, solange gibt es keine Verfallswarnungen.
balance-falls-below = Fällt am { $date } ({ $relative }) unter { $tier }, wenn nichts Neues dazukommt.
balance-advice = Bleibt { $tier } mit etwa { $thanks } weiteren erhaltenen Danksagungen vor dem { $date }.
balance-no-decay = Keine Verfallswarnung: das Ansehen bleibt in dieser Stufe.
balance-field-standing = Ansehen
balance-field-tier = Stufe
balance-field-trend = Trend (7 Tage)
balance-field-recent = Aktuell
balance-field-lasting = Dauerhaft
balance-field-headroom = Spielraum
balance-headroom = { $count ->
    [one] { $count } Frage, bevor es ins Minus geht
   *[other] { $count } Fragen, bevor es ins Minus geht
}
balance-field-solutions = Lösungen
balance-solutions = { $count ->
    [0] noch keine angenommen
    [one] **1** Antwort als Lösung angenommen
   *[other] **{ $count }** Antworten als Lösung angenommen
}
balance-field-decay = Verfall
balance-footer = { $count ->
    [one] { $count } Buchung
   *[other] { $count } Buchungen
} · Details mit /history
balance-opted-out = Nicht erfasst (abgemeldet). Mit `/optin` geht es wieder los.

## /standings
standings-title = Rangliste
standings-empty = Noch niemand steht auf der Rangliste.
standings-row = `#{ $rank }` **{ $name }** — { $standing } · { $tier } (aktuell { $recent }, dauerhaft { $lasting })
standings-footer = Seite { $page } von { $pages } · { $members } Mitglieder
standings-prev = ◀ Zurück
standings-next = Weiter ▶
standings-at-needs-period = at nennt eine vergangene Woche oder einen Monat: gib period:week oder period:month dazu an

## Zeitraum-Ranglisten und Gewinner
board-empty = In diesem Zeitraum hat niemand etwas verdient.
board-row = `#{ $rank }` { $medal }**{ $name }** — verdient { $earned } · Ansehen { $standing } ({ $tier })
board-title-winners = 🏆 Gewinner { $period ->
    [week] der Woche
   *[other] des Monats
} { $label }
board-title-archive = { $period ->
    [week] Woche
   *[other] Monat
} { $label } (Archiv)
board-title-current = { $period ->
    [week] Diese Woche
   *[other] Dieser Monat
} ({ $label })
board-footer = { $from } bis { $to } ({ $zone }) · im Zeitraum verdient, Ansehen jetzt

## /history
history-title = Verlauf — { $name }
history-empty = Noch keine Buchungen.
history-message = Nachricht
history-solution = ✅ Lösung
history-footer = die letzten { $count } Buchungen

## /why
why-title = Warum — { $name }
why-head = **{ $from } → { $to }** ({ $change }) seit { $since }
why-decay-loss = Verfall (Kapital schwindet, wenn nichts Neues dazukommt)
why-decay-debt = Verfall (auch Schulden schwinden)
why-written = (gebucht { $amount }, seitdem verfallen)
why-more = … (weitere Arten: siehe /history)
why-nothing = Nichts geändert: keine Buchungen und kein Verfall in diesem Zeitraum.
why-small = Zählte wenig
why-small-row = { $date } { $kind } { $amount } von { $base }: { $why }
why-footer = Jede Buchung ist mit ihrem heutigen Wert angegeben (nach ihrem eigenen Verfall); die Zeilen ergeben zusammen die Änderung.

## Arten von Buchungen
kind-thanks = erhaltene Danksagungen
kind-thank-reaction = Dank-Reaktionen
kind-helpful-reply = geleistete Hilfe
kind-shared-content = nützliche Beiträge
kind-kudos = Kudos
kind-request = beantwortete Fragen (Fragen kostet)
kind-self-promotion = Eigenwerbung
kind-broadcast = Massen-Pings
kind-reciprocity = Bonus für gegenseitige Hilfe
kind-reversal = Stornos (gelöschte oder bearbeitete Nachrichten, entfernte Reaktionen, verschobene Lösungen)
kind-adjustment = Anpassungen durch Moderatoren
kind-solution = angenommene Lösungen

## /kudos
kudos-given = 🙌 <@{ $giver }> hat <@{ $receiver }> Kudos gegeben (+{ $amount }): { $reason }
kudos-left = -# heute noch { $remaining } Kudos übrig
kudos-cap = Du hast deine { $cap } Kudos für heute vergeben; neue gibt es { $when }.
kudos-self = Kudos gehen an andere, nicht an dich selbst.
kudos-bot = Bots sammeln keine Kudos.
kudos-opted-out = Kudos können nicht erfasst werden: du oder die andere Person habt euch abgemeldet.
kudos-already = Diese Kudos wurden schon erfasst.

## /mydata, /optout, /optin, /warnings
mydata-summary = Deine Daten auf diesem Server: { $entries } Buchungen und die Metadaten von { $messages } Nachrichten (Inhalte werden nie gespeichert). `/optout` löscht sie.
optout-warning = Das löscht jede Buchung über dich auf diesem Server und beendet deine Erfassung, bis du `/optin` nutzt. Es lässt sich nicht rückgängig machen.
optout-confirm = Meine Daten löschen und Erfassung beenden
optout-cancel = Abbrechen
optin-done = Erfassung ist an: deine Hilfe und dein Dank zählen ab jetzt wieder.
warnings-on = Verfallswarnungen per DM sind **an**: der Bot schreibt dir einmal, wenn dein Ansehen bald eine Stufe fällt, und was das verhindern würde. Lass DMs von Servermitgliedern offen.
warnings-server-off = Notiert, aber dieser Server hat Verfallswarnungen per DM ausgeschaltet (`digest.dm_opt_in`); du bekommst sie, sobald die Moderatoren sie einschalten.
warnings-off = Verfallswarnungen per DM sind **aus**.

## /vacation
vacation-both = Gib entweder `days` (dein Urlaub) oder `end` (ein Moderator beendet einen) an, nicht beides.
vacation-end-needs-moderator = Einen Urlaub zu beenden braucht die Berechtigung „Server verwalten“.
vacation-ended-log = 🏖️ { $moderator } hat den Urlaub von <@{ $member }> beendet (geplant bis { $date }): der Verfall läuft wieder
vacation-ended = Der Urlaub von { $name } ist beendet (geplant war bis { $date }); der Verfall läuft ab jetzt wieder.
vacation-not-on = { $name } ist nicht im Urlaub.
vacation-started-log = 🏖️ <@{ $member }> ist im Urlaub bis { $date } (Verfall pausiert)
vacation-started = 🏖️ Schönen Urlaub! Du bist bis { $date } ({ $relative }) weg: dein Ansehen verfällt nicht, und solange gehen keine Verfallswarnungen raus.
vacation-refused = Kein Urlaub begonnen: { $why }.
vacation-current = 🏖️ Du bist im Urlaub bis { $date } ({ $relative }).
vacation-none = Du bist nicht im Urlaub. `/vacation days:7` pausiert deinen Verfall für eine Woche.

## /appeal
appeal-filed = Einspruch #{ $appeal } gegen Buchung #{ $entry } eingereicht. Ein Moderator prüft ihn; die Entscheidung bekommst du per Direktnachricht.
appeal-no-entry = Auf diesem Server gibt es keine Buchung #{ $entry }. `/history` zeigt die Nummern deiner Buchungen.
appeal-not-yours = Du kannst nur gegen deine eigenen Buchungen Einspruch erheben.
appeal-not-appealable = Gegen Buchung #{ $entry } ist kein Einspruch möglich: { $why }.
appeal-already = Gegen Buchung #{ $entry } wurde schon Einspruch erhoben.
appeal-dm-accepted = Dein Einspruch #{ $appeal } wurde **angenommen**: Buchung #{ $entry } ({ $kind }) ist storniert.
appeal-dm-rejected = Dein Einspruch #{ $appeal } wurde **abgelehnt**: Buchung #{ $entry } ({ $kind }) bleibt bestehen.
appeal-dm-note = Notiz des Moderators: { $note }

## /unsolved
unsolved-none = Nichts offen: jede Frage der letzten { $days } Tage hier hat eine markierte Antwort oder ein Dankeschön. 🎉
unsolved-answers = { $count ->
    [0] noch keine Antwort
    [one] 1 Mitglied hat geantwortet
   *[other] { $count } Mitglieder haben geantwortet
}
unsolved-row = • [Frage von { $name }]({ $link }){ $place } · gestellt { $when } · { $answers }
unsolved-place = { " " }in #{ $channel }
unsolved-more = … und { $count } weitere (die ältesten zuerst)
unsolved-title-in = Ungelöst in #{ $channel }
unsolved-title = Ungelöste Fragen
unsolved-footer = { $open } offen · gestellt in den letzten { $days } Tagen · wer fragt, markiert die Antwort, die geholfen hat: Rechtsklick → Apps → Als Lösung markieren

## Fehler und Ablehnungen
error-unavailable = die Ledger-Datenbank ist gerade nicht erreichbar; versuch es gleich noch einmal
error-database = Beim Lesen des Ledgers ist etwas schiefgegangen; der Fehler steht im Log des Bots.
error-internal = Etwas ist schiefgegangen; der Fehler steht im Log des Bots.
error-moderators-only = `/{ $command }` ist für Moderatoren: du brauchst die Berechtigung **Server verwalten**.
error-guild-only = Dieser Befehl funktioniert auf einem Server, nicht in Direktnachrichten.
error-parse-input = `{ $input }` konnte nicht gelesen werden: { $error }
error-parse = Die Optionen konnten nicht gelesen werden: { $error }

## Verfallswarnungen: die Übersicht für Moderatoren und die DM an das Mitglied
digest-title = **Verfallswarnungen** — { $count ->
    [one] 1 Mitglied fällt bald eine Stufe tiefer:
   *[other] { $count } Mitglieder fallen bald eine Stufe tiefer:
}
digest-row = • <@{ $member }> verlässt **{ $tier }** am { $date } (Ansehen { $standing }, Untergrenze { $floor })
digest-advice = bleibt { $tier } mit etwa { $thanks } weiteren erhaltenen Danksagungen vor dem { $date }
warning-dm = Kurzer Hinweis: Dein Ansehen ({ $standing }) fällt am { $date } unter die Untergrenze von **{ $tier }** ({ $floor }), wenn sich nichts ändert.
warning-dm-advice = Du bleibst { $tier } mit etwa { $thanks } weiteren erhaltenen Danksagungen vor dem { $date }.

## Der Stupser in einem ruhigen, beantworteten, ungelösten Beitrag
nudge = <@{ $opener }> haben die Antworten hier deine Frage gelöst? Wenn eine davon geholfen hat, markiere sie: Rechtsklick auf die Nachricht (auf dem Handy lange drücken) → **Apps** → **Als Lösung markieren**. Das bedankt sich bei allen, die geholfen haben, und zeigt anderen, dass die Frage beantwortet ist.

## Eine Rolle, die der Bot nicht verwalten kann
role-which-tier = die Rolle **{ $tier }** <@&{ $role }> (ID { $role })
role-which = die Rolle <@&{ $role }> (ID { $role })
role-missing-permissions = ⚠️ Rollen nach Ansehen: Discord hat verweigert, { $which } zu vergeben oder zu entziehen: { $problem }. Gib dem Bot die Berechtigung **Rollen verwalten** und zieh die Rolle des Bots in Servereinstellungen → Rollen über diese Rolle, dann führe `/config set roles.enabled true` aus, damit der Bot es erneut versucht. Bis dahin lässt der Bot diese Rolle in Ruhe.
role-missing-access = ⚠️ Rollen nach Ansehen: Der Bot erreicht die Rollen des Servers nicht, um { $which } zu verwalten: { $problem }. Prüfe, ob der Bot noch Mitglied ist und die Berechtigung **Rollen verwalten** hat, dann führe `/config set roles.enabled true` aus, damit der Bot es erneut versucht. Bis dahin lässt der Bot diese Rolle in Ruhe.
role-unknown = ⚠️ Rollen nach Ansehen: { $which } existiert nicht mehr ({ $problem }). Setze die Rolle der Stufe neu mit `/config set roles.by_tier.{ $key } <Rollen-ID>` (0 entfernt sie). Bis dahin lässt der Bot diese Rolle in Ruhe.

## Schaltflächen
button-not-yours = Diese Schaltfläche gehört jemand anderem.
optout-cancelled = Abgebrochen: Nichts wurde geändert.
optout-done = { $count ->
    [one] Erledigt: 1 Buchung gelöscht
   *[other] Erledigt: { $count } Buchungen gelöscht
}, und du wirst hier nicht mehr erfasst. `/optin` startet die Erfassung wieder.

## /why, ein Urlaub im Zeitraum
why-paused = 🏖️ Verfall für { $days } Tage dieses Zeitraums pausiert (Urlaub)

## Als Lösung markieren
solution-marked = ✅ <@{ $marker }> hat [diese Antwort]({ $link }) von <@{ $solver }> als Lösung markiert (+{ $amount }).
solution-marked-moved = ✅ <@{ $marker }> hat [diese Antwort]({ $link }) von <@{ $solver }> als Lösung markiert (+{ $amount }) (verschoben von <@{ $previous }>, dessen Gutschrift rückgängig gemacht wurde).
solution-unchanged = Diese Antwort ist bereits als Lösung markiert: Nichts wurde geändert.
solution-not-tagged = Die Lösung ist gespeichert, aber ich konnte den Beitrag nicht markieren oder schließen: { $error }. Dafür brauche ich in diesem Forum **Threads verwalten**.
solution-refused-own = Du kannst deine eigene Nachricht nicht als Lösung markieren.
solution-refused-bot = Die Nachricht eines Bots kann nicht die Lösung sein.
solution-refused-openers = Das ist die Nachricht der fragenden Person selbst: Markiere die Antwort, die die Frage gelöst hat.
solution-refused-not-allowed = Nur das Mitglied, das gefragt hat, oder ein Moderator (Threads verwalten) kann die Lösung markieren.
solution-refused-outside = Diese Nachricht gehört zu keiner Unterhaltung, die Goodwill kennt (sie ist vielleicht älter als der Bot, oder ihr Autor hat die Erfassung abgelehnt).

## Der Log-Kanal
appeal-rejected-log = ⚖️ Einspruch #{ $appeal } von <@{ $member }> zu Buchung #{ $entry } abgelehnt von { $moderator }: { $note }

## Ablehnungen nach den Regeln
vacation-refused-days = die Tage müssen zwischen 1 und { $max } liegen (vacation.max_days)
vacation-refused-going-on = du bist bereits im Urlaub bis { $date }
vacation-refused-cooldown = ein Urlaub alle { $days } Tage (vacation.cooldown_days): der nächste kann am { $date } beginnen
appeal-why-reversal = sie ist eine Stornierung; lege Einspruch gegen die Buchung ein, die sie storniert
appeal-why-reversed = sie wurde bereits storniert
error-rate-limited = Langsamer bitte: Du kannst Goodwill-Befehle in { $seconds } s wieder nutzen.

## Antworten an Moderatoren
report-title = Community-Bericht — letzte { $days } Tage
report-summary = { $members } aktive Mitglieder: { $givers } Gebende, { $takers } Nehmende, { $matchers } Ausgleichende, { $quiet } Stille.
report-givers = Gebende ({ $count })
report-takers = Nehmende ({ $count })
report-matchers = Ausgleichende ({ $count })
report-quiet = Stille ({ $count })
report-at-risk = Vom Verfall bedroht ({ $count })
report-at-risk-row = **{ $name }** { $tier } { $standing } → unter { $floor } { $when }
report-risers = Aufsteiger
report-fallers = Absteiger
report-top-helpers = Beste Helfer
report-footer = Vollständige Tabelle in report.csv
review-title = Zu prüfende Einsprüche
review-none = Keine offenen Einsprüche.
review-row = **#{ $appeal }** von <@{ $member }>, { $filed } — Buchung #{ $entry } `{ $amount }` { $kind } ({ $date }): { $why }
    > { $reason }
review-more = … weitere: entscheide zuerst diese
review-footer = /review accept appeal:N [Notiz] storniert die Buchung · /review reject appeal:N Notiz
review-accepted = Einspruch #{ $appeal } angenommen: Buchung #{ $entry } storniert ({ $amount }).
review-rejected = Einspruch #{ $appeal } abgelehnt: Buchung #{ $entry } bleibt bestehen.
review-already = Über Einspruch #{ $appeal } wurde bereits entschieden ({ $status }).
review-no-appeal = Auf diesem Server gibt es keinen Einspruch #{ $appeal }.
adjust-done = <@{ $member }> angepasst um { $amount }: { $reason }
config-updated = Geändert: `{ $change }`
config-in-force = Die auf diesem Server geltenden Einstellungen:
config-whatif-file = Was wäre, wenn ({ $changes }): { $count ->
    [one] 1 Mitglied wechselt die Stufe
   *[other] { $count } Mitglieder wechseln die Stufe
}; nichts wurde geändert. Alle Zeilen stehen in der Datei.
token-created = API-Token `{ $name }` erstellt. Kopiere es jetzt, es wird nicht noch einmal angezeigt:
    ```
    { $token }
    ```
    Verwende es als `Authorization: Bearer <token>` für `/api/v1/g/{ $guild }/...`; widerrufe es mit `/config api-token revoke`.
token-revoked = API-Token `{ $name }` widerrufen.
token-none = Keine API-Tokens. Erstelle eines mit `/config api-token create`.
token-row = `{ $name }` von <@{ $by }> am { $date }
token-row-used = `{ $name }` von <@{ $by }> am { $date }, zuletzt benutzt { $used }

## Log-Kanal: Kudos, Anpassungen und Stornos
log-kudos = 🎉 Kudos: { $giver } → { $member } ({ $amount }): { $reason }{ $link }
log-adjustment = 🛠️ Anpassung für { $member } ({ $amount }) durch { $moderator }: { $reason }
log-a-moderator = ein Moderator
log-reversal = ↩️ Storno für { $member } ({ $amount }): { $reason }{ $link }

## /config set: warum eine Einstellung abgelehnt wurde
setting-text = { $text }
setting-wants-number = { $key } erwartet eine Zahl (z. B. 2.5)
setting-wants-integer = { $key } erwartet eine ganze Zahl (z. B. 3)
setting-wants-bool = { $key } erwartet true oder false
setting-wants-text = { $key } erwartet Text in Anführungszeichen (z. B. "Europe/Berlin")
setting-wants-list = { $key } erwartet eine Liste in eckigen Klammern (z. B. ["a", "b"] oder [])
setting-wants-date = { $key } erwartet ein Datum (z. B. 2026-12-01)
setting-wants-list-of-text = { $key } erwartet eine Liste von Wörtern in Anführungszeichen (z. B. ["danke dir", "merci"])
setting-wants-list-of-numbers = { $key } erwartet eine Liste von Zahlen (z. B. [1.5, 2])
setting-wants-list-of-integers = { $key } erwartet eine Liste ganzer Zahlen (z. B. [1, 2])
setting-wants-ids = { $key } erwartet Discord-IDs: eine Liste (z. B. [123, 456]) oder "123, 456"
setting-not-an-id = { $key }: „{ $word }“ ist keine Discord-ID (gib IDs durch Kommas getrennt an, z. B. "123, 456")
setting-between = { $key } muss zwischen { $lo } und { $hi } liegen
setting-between-got = { $key } muss zwischen { $lo } und { $hi } liegen (angegeben: { $got })
setting-half-life = { $key } muss eine positive Zahl von Tagen zwischen 0.1 und 36500 sein
setting-up-to = { $key } muss eine Zahl von 0 bis { $max } sein
setting-open-fraction = { $key } muss in (0, 1] liegen
setting-positive-number = { $key } muss eine positive Zahl sein
setting-positive = { $key } muss positiv sein
setting-non-negative = { $key } muss eine nicht negative Zahl sein (das Vorzeichen ergibt sich aus der Art)
setting-finite = { $key } muss eine endliche Zahl sein
setting-giver-weights = scoring.giver_weight_min <= giver_weight_base <= giver_weight_max muss gelten
setting-escalation = scoring.request_escalation und request_escalation_cap müssen >= 1 sein
setting-no-tiers = mindestens eine Stufe wird gebraucht
setting-tier-floors = die Untergrenzen der Stufen müssen steigen: { $tier } nach { $previous }
setting-detect = detect: { $text }
setting-taker-ratio = report.taker_ratio muss unter report.giver_ratio liegen
setting-weekday = digest.weekday muss einer von mon tue wed thu fri sat sun sein
setting-time-zone = time.zone: { $value } ist kein IANA-Zeitzonenname (z. B. Europe/Berlin, UTC)
setting-board-refresh = board.refresh_minutes muss zwischen 0 und 10080 (einer Woche) liegen
setting-locale = locale muss auto (die von Discord bevorzugte Sprache des Servers) oder eines von { $list } sein; { $value } ist keine Sprache, die Goodwill spricht
setting-nudge-days = forum.nudge_days muss zwischen 0 (aus) und 3650 liegen
setting-unknown-key = unbekannte Einstellung { $key }; die Schlüssel zeigt /config view
setting-section = { $key } ist ein Abschnitt; nenne einen Schlüssel darin
setting-not-applied = { $key } = { $value } wurde nicht übernommen: ungültige Einstellung: { $why }; gib einen Wert vom Typ an, den /config view zeigt
setting-no-such-tier = keine Stufe heißt { $tier }; gib eine der Stufen an: { $tiers }
setting-overflow = { $key } = { $value } kann auf das Hauptbuch dieses Servers nicht angewandt werden (die Salden würden überlaufen); gib eine längere Halbwertszeit an

## Audit log reasons (the server's language)
audit-solved = Goodwill: als gelöst markiert
audit-roles = Goodwill: Rolle nach Ansehen oder nach einer Bestenliste

## /report-Diagramm
chart-scatter-title = Verdient und ausgegeben, letzte { $days } Tage
chart-earned = verdientes Kapital (Einzahlungen)
chart-spent = ausgegebenes Kapital (Abbuchungen)
chart-giver = Gebende
chart-matcher = Ausgleichende
chart-taker = Nehmende
chart-quiet = Stille
chart-trend-title = Ansehen der Gemeinschaft im Verlauf
chart-trend-y = Summe über alle Mitglieder
chart-standing = Ansehen
chart-recent = kürzlich
chart-lasting = dauerhaft

## /config preview-Tabelle
whatif-head = Was wäre, wenn – Server { $guild }, Stand { $at } (nichts wurde geändert):
whatif-note = Hinweis: { $note }
whatif-note-detection = { $key }: Erkennungseinstellungen lassen sich nicht nachspielen (Nachrichtentexte werden nicht gespeichert); nur neue Nachrichten wären betroffen
whatif-note-scoring = Änderungen der Bewertung gelten, einmal gesetzt, für neue Einträge (das Hauptbuch wird nur ergänzt); die neu bewerteten Spalten zeigen die Geschichte, als hätten sie immer gegolten
whatif-fidelity = Treue der Wiederholung unter den aktuellen Einstellungen: { $fidelity } (0 = die Wiederholung ergibt genau das gespeicherte Hauptbuch)
whatif-moved = { $moved } von { $members } Mitgliedern verändern sich; { $tiers } wechseln die Stufe (angewandt oder neu bewertet).
whatif-col-member = Mitglied
whatif-col-standing = Ansehen
whatif-col-applied = Δ angewandt
whatif-col-rescored = Δ neu bewertet
whatif-col-tier = Stufe (neu bewertet)
whatif-col-category = Kategorie (neu bewertet)

## Webseiten
web-nav-standings = Rangliste
web-nav-report = Bericht
web-log-out = Abmelden
web-forbidden-title = Nicht für dich
web-forbidden-moderators = Diese Seite ist für die Moderatoren des Servers (Server verwalten).
web-forbidden-members = Dieser Server zeigt seine Seiten nur seinen Mitgliedern.
web-standings-title = { $guild } – Rangliste
web-standings-heading = { $guild } — Rangliste
web-as-of = Stand: { $at }.
web-as-of-short = Stand { $at }
web-standings-members = { $count ->
    [one] { $count } Mitglied.
   *[other] { $count } Mitglieder.
}
web-standings-matches = { $count ->
    [one] { $count } Mitglied passt.
   *[other] { $count } Mitglieder passen.
}
web-search-placeholder = Nach Namen suchen
web-search = Suchen
web-all-members = Alle Mitglieder
web-col-member = Mitglied
web-col-standing = Ansehen
web-col-recent = Kürzlich
web-col-lasting = Dauerhaft
web-col-tier = Stufe
web-standings-empty = Niemand hier.
web-previous = ← Zurück
web-next = Weiter →
web-page-of = Seite { $page } von { $pages }
web-stat-standing = Ansehen
web-stat-recent = kürzlich (schnelles Gedächtnis)
web-stat-lasting = dauerhaft (langsames Gedächtnis)
web-stat-rank = Rang
web-stat-week = letzte 7 Tage
web-stat-solutions = akzeptierte Lösungen
web-projection-heading = Die nächsten 90 Tage, wenn nichts hinzukommt
web-projection-label = Voraussichtliches Ansehen in den nächsten 90 Tagen
web-projection-in90 = Das Ansehen läge in 90 Tagen bei { $standing }.
web-projection-falls = Fällt am { $date } unter die Untergrenze von { $tier } ({ $floor }).
web-next-tier = Nächste Stufe: { $tier } ab { $floor }.
web-history = Verlauf
web-col-when = Wann
web-col-what = Was
web-col-amount = Betrag
web-col-with = Mit
web-col-why = Warum
web-someone = jemand
web-jump = Zur Nachricht
web-history-empty = Noch keine Einträge.

## Das Dashboard der Moderatoren (/g/…/report und das Was-wäre-wenn)
web-report-title = { $guild } – Bericht
web-report-heading = { $guild } — Bericht für Moderatoren
web-report-span = Die letzten { $days } Tage bis { $at }.
web-report-csv = CSV herunterladen
web-report-window = Zeitraum (Tage)
web-report-show = Anzeigen
web-report-givers = Gebende
web-report-takers = Nehmende
web-report-matchers = Ausgleichende
web-report-quiet = Stille
web-report-risers = Aufsteiger
web-report-fallers = Absteiger
web-report-earned = verdient { $value }
web-report-spent = ausgegeben { $value }
web-report-nobody = Niemand.
web-report-at-risk = Droht eine Stufe abzusteigen
web-report-at-risk-none = Niemand innerhalb des Zeitraums.
web-report-community = Ansehen der Gemeinschaft
web-report-community-label = Gesamtes Ansehen über den Zeitraum
web-report-earned-spent = Verdient und ausgegeben
web-report-earned-spent-label = Verdient gegen ausgegeben je Mitglied
web-report-legend = Grün: Gebende · Rot: Nehmende · Blau: Ausgleichende · Grau: Stille
web-whatif = Was wäre, wenn
web-whatif-intro = Probiere Einstellungen am Kontobuch dieses Servers aus; nichts wird geschrieben oder geändert.
web-whatif-settings-label = Einstellungen, Schlüssel=Wert
web-whatif-submit = Wer würde sich bewegen
web-whatif-heading = Was wäre, wenn — { $guild }
web-whatif-back = ← Zurück zum Bericht
web-whatif-changes = Ausprobierte Änderungen
web-whatif-nothing-written = Nichts wurde geschrieben: die geltenden Einstellungen sind unverändert.
web-whatif-moved = Wer seine Stufe verlässt
web-whatif-col-now = Jetzt
web-whatif-col-applied = Angewandt
web-whatif-col-rescored = Neu berechnet
web-whatif-col-standing = Ansehen jetzt → neu berechnet
web-whatif-none = Niemand wechselt die Stufe.
web-whatif-too-long = Höchstens 2000 Zeichen an Einstellungen.

## Fehlerseiten und die Anmeldung
web-not-understood = Nicht verstanden
web-not-found-title = Nicht gefunden
web-not-found = Diese Seite gibt es hier nicht.
web-unavailable-title = Versuche es gleich noch einmal
web-unavailable = Die Datenbank des Kontobuchs ist gerade nicht erreichbar.
web-failed-title = Etwas ist schiefgelaufen
web-failed = Die Seite konnte nicht erstellt werden; der Fehler steht im Log des Servers.
web-bad-at = at: gib ein Datum (2024-11-30) oder eine Zeit nach RFC 3339 an
web-too-many = zu viele Anfragen: bitte langsamer
web-login-unavailable-title = Anmeldung nicht verfügbar
web-login-no-randomness = Der Server hat gerade keine Zufallsquelle für eine Sitzung.
web-login-not-set-up-title = Die Anmeldung ist nicht eingerichtet
web-login-not-set-up = Dieses Goodwill hat keine Discord-Anwendung für Anmeldungen: der Betreiber setzt DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET und GOODWILL_PUBLIC_URL.
web-login-failed-title = Anmeldung fehlgeschlagen
web-login-discord-said = Discord meldete: { $error }. Versuche es noch einmal von der Seite aus, die du sehen wolltest.
web-login-missing = Dem Rückruf fehlen Code oder Status.
web-login-state-mismatch = Diese Anmeldung wurde nicht in diesem Browser begonnen (Status stimmt nicht überein). Beginne von vorn.
web-login-expired = Diese Anmeldung ist abgelaufen oder wurde schon verwendet. Beginne von vorn.
web-login-not-confirmed = Discord hat die Anmeldung nicht bestätigt. Versuche es gleich noch einmal.

## Die Startseite ($path und $command erscheinen als Code)
web-home = Ein Kontobuch des sozialen Kapitals jedes Community-Mitglieds. Die Seiten eines Servers liegen unter { $path }, sobald seine Moderatoren sie mit { $command } einschalten (oder members, moderators).
