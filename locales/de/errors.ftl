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
