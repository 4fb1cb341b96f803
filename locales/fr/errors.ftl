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
