# Erreurs qu'un membre ou un modérateur peut corriger : valeurs d'option
# invalides (`option-…`, après « `option` : »). Les valeurs arrivent en texte.

## Valeurs d'option (src/options/problem.rs)
option-amount = { $value } n'est pas accepté ; indiquez un nombre de points de { $min } à { $max }, négatif pour en retirer (par ex. 5 ou -2.5)
option-length = indiquez de { $min } à { $max } caractères (celui-ci en a { $got })
option-control-char = contient le caractère de contrôle { $code } ; supprimez-le
option-not-member-id = { $id } n'est pas un identifiant de membre Discord ; choisissez un membre de ce serveur
option-member-empty = vide ; indiquez l'identifiant, le nom ou une mention d'un membre
option-member-too-long = plus de 200 caractères ; indiquez l'identifiant, le nom ou une mention d'un membre
option-member-nul = contient un caractère NUL ; indiquez l'identifiant, le nom ou une mention d'un membre
option-range-page = { $value } est hors limites ; indiquez un numéro de page de { $lo } à { $hi }
option-range-days = { $value } est hors limites ; indiquez un nombre de jours de { $lo } à { $hi }
option-range-entries = { $value } est hors limites ; indiquez un nombre d'entrées de { $lo } à { $hi }
option-since-days = { $days } jours, c'est hors limites ; indiquez de 1 à { $max } jours
option-not-a-date = { $value } n'est pas une date ; indiquez une date comme 2026-11-23 ou un nombre de jours comme 7
option-date-fix = indiquez une date comme 2026-11-23 ou un nombre de jours comme 7
option-not-past = ce n'est pas dans le passé ; indiquez une date antérieure
option-too-long-ago = c'est il y a plus de { $max } jours ; indiquez une date plus récente
option-key-empty = vide ; indiquez un réglage tel que /config view l'affiche, par ex. decay.recent_half_life_days
option-not-a-key = { $value } n'est pas un nom de réglage ; indiquez une clé à points telle que /config view l'affiche, par ex. decay.recent_half_life_days
option-value-empty = vide ; indiquez une valeur TOML : 45, 0.5, true, "texte" ou ["a", "b"]
option-value-too-long = plus de { $max } caractères ; indiquez une valeur plus courte
option-value-nul = contient un caractère NUL ; supprimez-le

## Demandes refusées (src/capital/refusal.rs) ; les valeurs arrivent déjà entre guillemets
refusal-unknown-member = membre { $query } inconnu sur ce serveur (indiquez un identifiant, un nom ou une mention)
refusal-ambiguous-member = { $query } correspond à plusieurs membres : { $matches } ; indiquez un identifiant
refusal-period-needed = la période doit être week ou month ici
refusal-bad-at = at : at doit être un mois comme 2026-10, une semaine comme 2026-W44 ou une date comme 2026-10-14, pas { $value }
refusal-at-needs-period = at : at demande la période week ou month
refusal-bad-zone = { $value } n'est pas un nom de fuseau horaire IANA (par ex. Europe/Berlin, UTC)
refusal-no-changes = indiquez au moins un clé=valeur à essayer
refusal-section = { $key } est une section ; nommez une clé à l'intérieur
refusal-unknown-setting = réglage { $key } inconnu ; voyez /config view pour les clés
refusal-not-valid-config = configuration non valide : { $detail }
refusal-assign-expected = réglage invalide : clé=valeur attendu (par ex. decay.recent_half_life_days=45), reçu { $word }
refusal-assign-none = réglage invalide : indiquez au moins un clé=valeur, par ex. decay.recent_half_life_days=45
refusal-assign-no-value = réglage invalide : { $key }= n'a pas de valeur
refusal-search-length = cherchez de 1 à 100 caractères d'un nom
refusal-since-not-before = `since` doit être avant maintenant : indiquez une date passée (AAAA-MM-JJ)
refusal-token-name = un nom de jeton compte de 1 à 40 lettres, chiffres, espaces, '-', '_' ou '.' (par ex. dashboard)
refusal-token-exists = ce serveur a déjà un jeton nommé { $name } : révoquez-le d'abord ou choisissez un autre nom
refusal-no-such-token = ce serveur n'a pas de jeton d'API nommé { $name } (voir /config api-token list)
