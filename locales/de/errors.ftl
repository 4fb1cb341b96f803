# Fehler, die ein Mitglied oder Moderator beheben kann: ungültige Optionswerte
# (`option-…`, nach "`Option`: "). Werte kommen als fertig formatierter Text.

## Optionswerte (src/options/problem.rs)
option-amount = { $value } ist nicht erlaubt; gib eine Punktzahl von { $min } bis { $max } an, negativ zum Abziehen (z. B. 5 oder -2.5)
option-length = gib { $min } bis { $max } Zeichen an (dieser Text hat { $got })
option-control-char = enthält das Steuerzeichen { $code }; entferne es
option-not-member-id = { $id } ist keine Discord-Mitglieds-ID; wähle ein Mitglied dieses Servers
option-member-empty = leer; gib die ID, den Namen oder eine Erwähnung eines Mitglieds an
option-member-too-long = länger als 200 Zeichen; gib die ID, den Namen oder eine Erwähnung eines Mitglieds an
option-member-nul = enthält ein NUL-Zeichen; gib die ID, den Namen oder eine Erwähnung eines Mitglieds an
option-range-page = { $value } liegt außerhalb des Bereichs; gib eine Seitenzahl von { $lo } bis { $hi } an
option-range-days = { $value } liegt außerhalb des Bereichs; gib eine Anzahl Tage von { $lo } bis { $hi } an
option-range-entries = { $value } liegt außerhalb des Bereichs; gib eine Anzahl Einträge von { $lo } bis { $hi } an
option-since-days = { $days } Tage liegen außerhalb des Bereichs; gib 1 bis { $max } Tage an
option-not-a-date = { $value } ist kein Datum; gib ein Datum wie 2026-11-23 oder eine Anzahl Tage wie 7 an
option-date-fix = gib ein Datum wie 2026-11-23 oder eine Anzahl Tage wie 7 an
option-not-past = das liegt nicht in der Vergangenheit; gib ein früheres Datum an
option-too-long-ago = das ist mehr als { $max } Tage her; gib ein späteres Datum an
option-key-empty = leer; gib eine Einstellung an, wie /config view sie zeigt, z. B. decay.recent_half_life_days
option-not-a-key = { $value } ist kein Einstellungsname; gib einen Schlüssel mit Punkten an, wie /config view ihn zeigt, z. B. decay.recent_half_life_days
option-value-empty = leer; gib einen TOML-Wert an: 45, 0.5, true, "text" oder ["a", "b"]
option-value-too-long = länger als { $max } Zeichen; gib einen kürzeren Wert an
option-value-nul = enthält ein NUL-Zeichen; entferne es

## Abgelehnte Anfragen (src/capital/refusal.rs); Werte kommen schon in Anführungszeichen
refusal-unknown-member = kein Mitglied { $query } auf diesem Server (gib eine ID, einen Namen oder eine Erwähnung an)
refusal-ambiguous-member = auf { $query } passen mehrere Mitglieder: { $matches }; gib eine ID an
refusal-period-needed = der Zeitraum muss hier week oder month sein
refusal-bad-at = at: at muss ein Monat wie 2026-10, eine Woche wie 2026-W44 oder ein Datum wie 2026-10-14 sein, nicht { $value }
refusal-at-needs-period = at: at braucht den Zeitraum week oder month
refusal-bad-zone = { $value } ist kein IANA-Zeitzonenname (z. B. Europe/Berlin, UTC)
refusal-no-changes = gib mindestens ein Schlüssel=Wert-Paar zum Ausprobieren an
refusal-section = { $key } ist ein Abschnitt; nenne einen Schlüssel darin
refusal-unknown-setting = unbekannte Einstellung { $key }; die Schlüssel zeigt /config view
refusal-not-valid-config = keine gültige Konfiguration: { $detail }
refusal-assign-expected = ungültige Einstellung: erwartet wird Schlüssel=Wert (z. B. decay.recent_half_life_days=45), erhalten: { $word }
refusal-assign-none = ungültige Einstellung: gib mindestens ein Schlüssel=Wert-Paar an, z. B. decay.recent_half_life_days=45
refusal-assign-no-value = ungültige Einstellung: { $key }= hat keinen Wert
refusal-search-length = suche nach 1 bis 100 Zeichen eines Namens
refusal-since-not-before = `since` muss vor jetzt liegen: gib ein Datum in der Vergangenheit an (JJJJ-MM-TT)
refusal-token-name = ein Token-Name besteht aus 1 bis 40 Buchstaben, Ziffern, Leerzeichen, '-', '_' oder '.' (z. B. dashboard)
refusal-token-exists = dieser Server hat schon ein Token namens { $name }: widerrufe es zuerst oder wähle einen anderen Namen
refusal-no-such-token = dieser Server hat kein API-Token namens { $name } (siehe /config api-token list)
