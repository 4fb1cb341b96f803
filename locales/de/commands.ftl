# Befehlsnamen und -beschreibungen (siehe src/discord/commands/localize.rs).

cmd-balance = kontostand
    .description = Soziales Kapital eines Mitglieds: Kontostand, Ansehen, Stufe, Trend und Verfallswarnung
cmd-balance-member = mitglied
    .description = Wessen Kontostand (Standard: deiner)

cmd-standings = rangliste
    .description = Die Rangliste des Servers nach Ansehen (oder was diese Woche bzw. diesen Monat verdient wurde)
cmd-standings-page = seite
    .description = Seite der Rangliste (Standard: 1)
cmd-standings-period = zeitraum
    .description = Woche oder Monat: was darin verdient wurde (Standard: gesamt, das Ansehen)
cmd-standings-period-week = Woche
cmd-standings-period-month = Monat
cmd-standings-period-all = gesamt
cmd-standings-at = zeitpunkt
    .description = Eine vergangene Woche oder ein Monat: 2026-10, 2026-W44 oder ein Datum (mit zeitraum)

cmd-history = verlauf
    .description = Die letzten Buchungen eines Mitglieds, mit Links zu den Nachrichten dahinter
cmd-history-member = mitglied
    .description = Wessen Verlauf (Standard: deiner)

cmd-why = warum
    .description = Warum sich das Ansehen geändert hat: Verfall und jede Art von Buchung, zusammengerechnet
cmd-why-member = mitglied
    .description = Wessen Ansehen (Standard: deines)
cmd-why-since = seit
    .description = Seit wann: ein Datum (2026-11-23) oder Tage zurück (7); Standard 7 Tage

cmd-kudos = kudos
    .description = Einem Mitglied öffentlich mit Kudos danken (ein paar pro Tag)
cmd-kudos-member = mitglied
    .description = Wer Kudos verdient
cmd-kudos-reason = grund
    .description = Wofür

cmd-mydata = meinedaten
    .description = Alles herunterladen, was Goodwill auf diesem Server über dich speichert (JSON)

cmd-optout = abmelden
    .description = Mich nicht mehr erfassen und meine Buchungen auf diesem Server löschen

cmd-optin = anmelden
    .description = Mich nach /optout wieder erfassen

cmd-warnings = warnungen
    .description = Eine Direktnachricht erhalten, wenn dein Ansehen bald eine Stufe fällt
cmd-warnings-dm = dm
    .description = an: schreib mir, bevor ich eine Stufe falle (einmal pro Abstieg); aus: nicht mehr
cmd-warnings-dm-on = an
cmd-warnings-dm-off = aus

cmd-unsolved = ungelöst
    .description = Offene Fragen ohne Lösung, die ältesten zuerst: wo Hilfe gebraucht wird
cmd-unsolved-channel = kanal
    .description = Nur dieser Kanal oder dieses Forum

cmd-appeal = einspruch
    .description = Einspruch gegen eine deiner Buchungen (ihre # steht in /history); ein Moderator prüft ihn
cmd-appeal-entry = buchung
    .description = Die Nummer der Buchung, wie /history sie zeigt (#123)
cmd-appeal-reason = grund
    .description = Warum sie falsch ist

cmd-review = prüfen
    .description = Einsprüche prüfen: auflisten, annehmen (storniert die Buchung) oder ablehnen
cmd-review-list = liste
    .description = Offene Einsprüche, die ältesten zuerst
cmd-review-accept = annehmen
    .description = Einspruch annehmen: die Buchung wird storniert (protokolliert), das Mitglied informiert
cmd-review-accept-appeal = einspruch
    .description = Die Nummer des Einspruchs
cmd-review-accept-note = notiz
    .description = Eine Notiz für das Mitglied und das Protokoll
cmd-review-reject = ablehnen
    .description = Einspruch ablehnen: die Buchung bleibt, das Mitglied erfährt warum
cmd-review-reject-appeal = einspruch
    .description = Die Nummer des Einspruchs
cmd-review-reject-note = notiz
    .description = Warum (das Mitglied erfährt es)

cmd-vacation = urlaub
    .description = Deinen Verfall für ein paar Tage pausieren (Moderatoren: Urlaub eines Mitglieds beenden)
cmd-vacation-days = tage
    .description = Tage weg (höchstens vacation.max_days); dein Ansehen verfällt in der Zeit nicht
cmd-vacation-end = beenden
    .description = Moderatoren: den Urlaub dieses Mitglieds jetzt beenden

cmd-mark_solution = Als Lösung markieren
    .description = Diese Nachricht als die Antwort markieren, die die Frage gelöst hat

cmd-report = bericht
    .description = Geber, Nehmer, Ausgleicher, stille Mitglieder, Verfallsrisiken und Aufsteiger
cmd-report-window = zeitfenster
    .description = Zeitfenster in Tagen (Standard: 90)

cmd-config = einstellungen
    .description = Die Goodwill-Einstellungen dieses Servers ansehen oder ändern
cmd-config-view = anzeigen
    .description = Die auf diesem Server geltenden Einstellungen zeigen
cmd-config-set = setzen
    .description = Eine Einstellung ändern (z. B. Schlüssel `decay.recent_half_life_days`, Wert `45`)
cmd-config-set-key = schlüssel
    .description = Die Einstellung, wie /config view sie zeigt (Schlüssel mit Punkten)
cmd-config-set-value = wert
    .description = Neuer Wert (TOML: 45, 0.5, true, "text", ["a", "b"])
cmd-config-preview = vorschau
    .description = Was Einstellungen ändern würden, auf dem Ledger dieses Servers nachgespielt; ändert nichts
cmd-config-preview-changes = änderungen
    .description = Einstellungen zum Ausprobieren: key=value key2=value2
cmd-config-api-token = api-token
    .description = Tokens für die schreibgeschützte Web-API (/api/v1/g/<Server-ID>/...)
cmd-config-api-token-create = erstellen
    .description = Ein API-Token erstellen; es wird einmal angezeigt, nur dir
cmd-config-api-token-create-name = name
    .description = Ein Name, um es wiederzuerkennen und zu widerrufen (z. B. dashboard)
cmd-config-api-token-revoke = widerrufen
    .description = Ein API-Token anhand seines Namens widerrufen
cmd-config-api-token-revoke-name = name
    .description = Der Name des Tokens (siehe /config api-token list)
cmd-config-api-token-list = liste
    .description = Die API-Tokens dieses Servers auflisten (Namen und Daten, nie die Tokens)

cmd-adjust = anpassen
    .description = Dem Kontostand eines Mitglieds etwas gutschreiben oder abziehen, mit Grund (im Ledger)
cmd-adjust-member = mitglied
    .description = Wessen Kontostand
cmd-adjust-amount = betrag
    .description = Punkte zum Gutschreiben (negativ zum Abziehen)
cmd-adjust-reason = grund
    .description = Warum (bleibt im Ledger)
