# Ce que lisent les membres : réponses, embeds et messages dans les salons.

## /balance
balance-title = Solde — { $name }
balance-rank = rang n° { $rank }
balance-tier = **{ $tier }** (dès { $floor })
balance-next-tier = suivant : { $tier } à { $at }
balance-vacation = 🏖️ En vacances jusqu'au { $date } ({ $relative }) : l'érosion est suspendue, pas d'alerte d'érosion en attendant.
balance-falls-below = Passe sous { $tier } le { $date } ({ $relative }) sans nouveaux apports.
balance-advice = Reste { $tier } avec environ { $thanks } remerciements reçus de plus avant le { $date }.
balance-no-decay = Pas d'alerte d'érosion : la réputation reste à ce rang.
balance-field-standing = Réputation
balance-field-tier = Rang
balance-field-trend = Tendance (7 jours)
balance-field-recent = Récent
balance-field-lasting = Durable
balance-field-headroom = Marge
balance-headroom = { $count ->
    [one] { $count } demande avant de passer en négatif
   *[other] { $count } demandes avant de passer en négatif
}
balance-field-solutions = Solutions
balance-solutions = { $count ->
    [0] aucune acceptée pour l'instant
    [one] **1** réponse acceptée comme solution
   *[other] **{ $count }** réponses acceptées comme solution
}
balance-field-decay = Érosion
balance-footer = { $count ->
    [one] { $count } écriture
   *[other] { $count } écritures
} · /history pour le détail
balance-opted-out = Non suivi (désinscrit). `/optin` pour recommencer.

## /standings
standings-title = Classement
standings-empty = Personne n'est encore au classement.
standings-row = `#{ $rank }` **{ $name }** — { $standing } · { $tier } (récent { $recent }, durable { $lasting })
standings-footer = Page { $page } sur { $pages } · { $members } membres
standings-prev = ◀ Précédent
standings-next = Suivant ▶
standings-at-needs-period = at désigne une semaine ou un mois passé : ajoute period:week ou period:month

## Classements par période et gagnants
board-empty = Personne n'a rien gagné sur cette période.
board-row = `#{ $rank }` { $medal }**{ $name }** — gagné { $earned } · réputation { $standing } ({ $tier })
board-title-winners = 🏆 Gagnants { $period ->
    [week] de la semaine
   *[other] du mois
} { $label }
board-title-archive = { $period ->
    [week] Semaine
   *[other] Mois
} { $label } (archives)
board-title-current = { $period ->
    [week] Cette semaine
   *[other] Ce mois-ci
} ({ $label })
board-footer = du { $from } au { $to } ({ $zone }) · gagné sur la période, réputation actuelle

## /history
history-title = Historique — { $name }
history-empty = Aucune écriture pour l'instant.
history-message = message
history-solution = ✅ solution
history-footer = les { $count } dernières écritures

## /why
why-title = Pourquoi — { $name }
why-head = **{ $from } → { $to }** ({ $change }) depuis le { $since }
why-decay-loss = érosion (le capital s'estompe sans nouveaux apports)
why-decay-debt = érosion (une dette s'estompe aussi)
why-written = (inscrit { $amount }, érodé depuis)
why-more = … (d'autres types : voir /history)
why-nothing = Rien n'a changé : ni écriture ni érosion sur cette période.
why-small = A peu compté
why-small-row = { $date } { $kind } { $amount } sur { $base } : { $why }
why-footer = Chaque écriture est valorisée à ce jour (après sa propre érosion) ; les lignes s'additionnent pour donner le changement.

## Types d'écritures
kind-thanks = remerciements reçus
kind-thank-reaction = réactions de remerciement
kind-helpful-reply = aide apportée
kind-shared-content = partages utiles
kind-kudos = kudos
kind-request = questions ayant reçu une réponse (demander coûte)
kind-self-promotion = autopromotion
kind-broadcast = mentions de masse
kind-reciprocity = bonus d'entraide
kind-reversal = annulations (messages supprimés ou modifiés, réactions retirées, solutions déplacées)
kind-adjustment = ajustements des modérateurs
kind-solution = solutions acceptées

## /kudos
kudos-given = 🙌 <@{ $giver }> a donné des kudos à <@{ $receiver }> (+{ $amount }) : { $reason }
kudos-left = -# encore { $remaining } kudos aujourd'hui
kudos-cap = Tu as donné tes { $cap } kudos du jour ; tu pourras en donner d'autres { $when }.
kudos-self = Les kudos vont à quelqu'un d'autre, pas à toi-même.
kudos-bot = Les bots ne collectionnent pas les kudos.
kudos-opted-out = Impossible d'enregistrer ces kudos : toi ou l'autre personne ne souhaitez pas être suivis.
kudos-already = Ces kudos ont déjà été enregistrés.

## /mydata, /optout, /optin, /warnings
mydata-summary = Tes données dans ce serveur : { $entries } écritures et les métadonnées de { $messages } messages (les contenus ne sont jamais conservés). `/optout` les supprime.
optout-warning = Cela supprime toutes les écritures te concernant dans ce serveur et arrête ton suivi jusqu'à ce que tu utilises `/optin`. C'est irréversible.
optout-confirm = Supprimer mes données et arrêter le suivi
optout-cancel = Annuler
optin-done = Le suivi est activé : ton aide et tes remerciements comptent à nouveau dès maintenant.
warnings-on = Les alertes d'érosion par MP sont **activées** : le bot t'écrit une fois quand ta réputation est sur le point de descendre d'un rang, avec ce qui l'éviterait. Garde les MP des membres du serveur ouverts.
warnings-server-off = C'est noté, mais ce serveur a désactivé les alertes d'érosion par MP (`digest.dm_opt_in`) ; tu les recevras si les modérateurs les activent.
warnings-off = Les alertes d'érosion par MP sont **désactivées**.

## /vacation
vacation-both = Indique soit `days` (tes vacances), soit `end` (un modérateur y met fin), pas les deux.
vacation-end-needs-moderator = Mettre fin à des vacances demande la permission Gérer le serveur.
vacation-ended-log = 🏖️ { $moderator } a mis fin aux vacances de <@{ $member }> (prévues jusqu'au { $date }) : l'érosion reprend
vacation-ended = Vacances de { $name } terminées (elles étaient prévues jusqu'au { $date }) ; son érosion reprend maintenant.
vacation-not-on = { $name } n'est pas en vacances.
vacation-started-log = 🏖️ <@{ $member }> est en vacances jusqu'au { $date } (érosion suspendue)
vacation-started = 🏖️ Bonnes vacances ! Tu es en vacances jusqu'au { $date } ({ $relative }) : ta réputation ne s'érode pas et aucune alerte d'érosion n'est envoyée en attendant.
vacation-refused = Pas de vacances commencées : { $why }.
vacation-current = 🏖️ Tu es en vacances jusqu'au { $date } ({ $relative }).
vacation-none = Tu n'es pas en vacances. `/vacation days:7` suspend ton érosion pendant une semaine.

## /appeal
appeal-filed = Contestation n° { $appeal } déposée pour l'écriture #{ $entry }. Un modérateur va l'examiner ; tu recevras la décision en message privé.
appeal-no-entry = Il n'y a pas d'écriture #{ $entry } dans ce serveur. `/history` affiche les numéros de tes écritures.
appeal-not-yours = Tu ne peux contester que tes propres écritures.
appeal-not-appealable = L'écriture #{ $entry } ne peut pas être contestée : { $why }.
appeal-already = L'écriture #{ $entry } a déjà été contestée.
appeal-dm-accepted = Ta contestation n° { $appeal } a été **acceptée** : l'écriture #{ $entry } ({ $kind }) est annulée.
appeal-dm-rejected = Ta contestation n° { $appeal } a été **rejetée** : l'écriture #{ $entry } ({ $kind }) est maintenue.
appeal-dm-note = Note du modérateur : { $note }

## /unsolved
unsolved-none = Rien en attente : chaque question posée ici ces { $days } derniers jours a une réponse marquée ou un remerciement. 🎉
unsolved-answers = { $count ->
    [0] pas encore de réponse
    [one] 1 membre a répondu
   *[other] { $count } membres ont répondu
}
unsolved-row = • [Question de { $name }]({ $link }){ $place } · posée { $when } · { $answers }
unsolved-place = { " " }dans #{ $channel }
unsolved-more = … et { $count } de plus (les plus anciennes d'abord)
unsolved-title-in = Non résolues dans #{ $channel }
unsolved-title = Questions non résolues
unsolved-footer = { $open } ouvertes · posées ces { $days } derniers jours · l'auteur marque la réponse qui a résolu : clic droit → Applications → Marquer comme solution

## Erreurs et refus
error-unavailable = la base de données du registre est indisponible pour le moment ; réessaie dans un instant
error-database = Un problème est survenu en lisant le registre ; l'erreur est dans le journal du bot.
error-internal = Un problème est survenu ; l'erreur est dans le journal du bot.
error-moderators-only = `/{ $command }` est réservé aux modérateurs : il faut la permission **Gérer le serveur**.
error-guild-only = Cette commande fonctionne dans un serveur, pas en messages privés.
error-parse-input = Impossible de lire `{ $input }` : { $error }
error-parse = Impossible de lire les options : { $error }

## Alertes d'érosion : le récapitulatif des modérateurs et le MP au membre
digest-title = **Alertes d'érosion** — { $count ->
    [one] 1 membre sur le point de descendre d'un rang :
   *[other] { $count } membres sur le point de descendre d'un rang :
}
digest-row = • <@{ $member }> quitte **{ $tier }** le { $date } (réputation { $standing }, seuil { $floor })
digest-advice = reste { $tier } avec environ { $thanks } remerciements reçus de plus avant le { $date }
warning-dm = Attention : ta réputation ({ $standing }) passe sous le seuil de **{ $tier }** ({ $floor }) le { $date } si rien ne change.
warning-dm-advice = Tu restes { $tier } avec environ { $thanks } remerciements reçus de plus avant le { $date }.

## Le rappel dans un fil calme, répondu mais pas résolu
nudge = <@{ $opener }> les réponses ici ont-elles résolu ta question ? Si l'une d'elles l'a fait, marque-la : clic droit sur le message (appui long sur mobile) → **Applications** → **Marquer comme solution**. Cela remercie la personne qui a aidé et montre aux autres que la question a une réponse.

## Un rôle que le bot ne peut pas gérer
role-which-tier = le rôle **{ $tier }** <@&{ $role }> (id { $role })
role-which = le rôle <@&{ $role }> (id { $role })
role-missing-permissions = ⚠️ Rôles selon la réputation : Discord a refusé de donner ou de retirer { $which } : { $problem }. Donne au bot la permission **Gérer les rôles** et fais glisser le rôle du bot au-dessus de ce rôle dans Paramètres du serveur → Rôles, puis lance `/config set roles.enabled true` pour que le bot réessaie. D'ici là, le bot ne touche plus à ce rôle.
role-missing-access = ⚠️ Rôles selon la réputation : le bot n'accède pas aux rôles du serveur pour gérer { $which } : { $problem }. Vérifie que le bot est toujours membre avec la permission **Gérer les rôles**, puis lance `/config set roles.enabled true` pour que le bot réessaie. D'ici là, le bot ne touche plus à ce rôle.
role-unknown = ⚠️ Rôles selon la réputation : { $which } n'existe plus ({ $problem }). Redéfinis le rôle du rang avec `/config set roles.by_tier.{ $key } <id du rôle>` (0 le retire). D'ici là, le bot ne touche plus à ce rôle.

## Boutons
button-not-yours = Ce bouton appartient à quelqu'un d'autre.
optout-cancelled = Annulé : rien n'a changé.
optout-done = { $count ->
    [one] C'est fait : 1 écriture supprimée
   *[other] C'est fait : { $count } écritures supprimées
}, et tu n'es plus suivi ici. `/optin` relance le suivi.

## /why, des vacances dans la période
why-paused = 🏖️ érosion suspendue { $days } jours sur cette période (vacances)

## Marquer comme solution
solution-marked = ✅ <@{ $marker }> a marqué [cette réponse]({ $link }) de <@{ $solver }> comme solution (+{ $amount }).
solution-marked-moved = ✅ <@{ $marker }> a marqué [cette réponse]({ $link }) de <@{ $solver }> comme solution (+{ $amount }) (déplacée depuis <@{ $previous }>, dont le crédit a été annulé).
solution-unchanged = Cette réponse est déjà marquée comme solution : rien n'a changé.
solution-not-tagged = La solution est enregistrée, mais je n'ai pas pu étiqueter ou fermer le fil : { $error }. Il me faut **Gérer les fils** dans ce forum pour cela.
solution-refused-own = Tu ne peux pas marquer ton propre message comme solution.
solution-refused-bot = Le message d'un bot ne peut pas être la solution.
solution-refused-openers = C'est le message de l'auteur de la question : marque la réponse qui l'a résolue.
solution-refused-not-allowed = Seul le membre qui a posé la question, ou un modérateur (Gérer les fils), peut marquer la solution.
solution-refused-outside = Ce message n'appartient à aucune conversation connue de Goodwill (il est peut-être antérieur au bot, ou son auteur a refusé le suivi).

## Le salon de journal
appeal-rejected-log = ⚖️ contestation n° { $appeal } de <@{ $member }> sur l'écriture #{ $entry } rejetée par { $moderator } : { $note }

## Refus selon les règles
vacation-refused-days = le nombre de jours doit être entre 1 et { $max } (vacation.max_days)
vacation-refused-going-on = tu es déjà en vacances jusqu'au { $date }
vacation-refused-cooldown = des vacances tous les { $days } jours (vacation.cooldown_days) : les prochaines peuvent commencer le { $date }
appeal-why-reversal = c'est une annulation ; conteste l'écriture qu'elle annule
appeal-why-reversed = elle a déjà été annulée
error-rate-limited = Doucement : tu pourras utiliser les commandes de Goodwill dans { $seconds } s.

## Réponses aux modérateurs
report-title = Rapport de la communauté — { $days } derniers jours
report-summary = { $members } membres actifs : { $givers } donneurs, { $takers } preneurs, { $matchers } équilibrés, { $quiet } discrets.
report-givers = Donneurs ({ $count })
report-takers = Preneurs ({ $count })
report-matchers = Équilibrés ({ $count })
report-quiet = Discrets ({ $count })
report-at-risk = Menacés par l'érosion ({ $count })
report-at-risk-row = **{ $name }** { $tier } { $standing } → sous { $floor } { $when }
report-risers = En hausse
report-fallers = En baisse
report-top-helpers = Meilleurs soutiens
report-footer = Tableau complet dans report.csv
review-title = Contestations à examiner
review-none = Aucune contestation ouverte.
review-row = **n° { $appeal }** par <@{ $member }>, { $filed } — écriture #{ $entry } `{ $amount }` { $kind } ({ $date }) : { $why }
    > { $reason }
review-more = … et d'autres : tranche d'abord celles-ci
review-footer = /review accept appeal:N [note] annule l'écriture · /review reject appeal:N note
review-accepted = Contestation n° { $appeal } acceptée : écriture #{ $entry } annulée ({ $amount }).
review-rejected = Contestation n° { $appeal } rejetée : l'écriture #{ $entry } est maintenue.
review-already = La contestation n° { $appeal } a déjà été tranchée ({ $status }).
review-no-appeal = Il n'y a pas de contestation n° { $appeal } dans ce serveur.
adjust-done = <@{ $member }> ajusté de { $amount } : { $reason }
config-updated = Modifié : `{ $change }`
config-in-force = Les réglages en vigueur dans ce serveur :
config-whatif-file = Et si ({ $changes }) : { $count ->
    [one] 1 membre change de rang
   *[other] { $count } membres changent de rang
} ; rien n'a été modifié. Toutes les lignes sont dans le fichier.
token-created = Jeton d'API `{ $name }` créé. Copie-le maintenant, il ne sera plus affiché :
    ```
    { $token }
    ```
    Utilise-le comme `Authorization: Bearer <token>` sur `/api/v1/g/{ $guild }/...` ; révoque-le avec `/config api-token revoke`.
token-revoked = Jeton d'API `{ $name }` révoqué.
token-none = Aucun jeton d'API. Crées-en un avec `/config api-token create`.
token-row = `{ $name }` par <@{ $by }> le { $date }
token-row-used = `{ $name }` par <@{ $by }> le { $date }, utilisé pour la dernière fois { $used }

## Salon de journal : kudos, ajustements et annulations
log-kudos = 🎉 kudos : { $giver } → { $member } ({ $amount }) : { $reason }{ $link }
log-adjustment = 🛠️ ajustement pour { $member } ({ $amount }) par { $moderator } : { $reason }
log-a-moderator = un modérateur
log-reversal = ↩️ annulation pour { $member } ({ $amount }) : { $reason }{ $link }

## /config set : pourquoi un réglage a été refusé
setting-text = { $text }
setting-wants-number = { $key } attend un nombre (par ex. 2.5)
setting-wants-integer = { $key } attend un nombre entier (par ex. 3)
setting-wants-bool = { $key } attend true ou false
setting-wants-text = { $key } attend un texte entre guillemets (par ex. "Europe/Berlin")
setting-wants-list = { $key } attend une liste entre crochets (par ex. ["a", "b"] ou [])
setting-wants-date = { $key } attend une date (par ex. 2026-12-01)
setting-wants-list-of-text = { $key } attend une liste de mots entre guillemets (p. ex. ["merci bien", "trop sympa"])
setting-wants-list-of-numbers = { $key } attend une liste de nombres (p. ex. [1.5, 2])
setting-wants-list-of-integers = { $key } attend une liste de nombres entiers (p. ex. [1, 2])
setting-wants-ids = { $key } attend des identifiants Discord : une liste (p. ex. [123, 456]) ou "123, 456"
setting-not-an-id = { $key } : « { $word } » n'est pas un identifiant Discord (séparez les identifiants par des virgules, p. ex. "123, 456")
setting-between = { $key } doit être compris entre { $lo } et { $hi }
setting-between-got = { $key } doit être compris entre { $lo } et { $hi } (reçu : { $got })
setting-half-life = { $key } doit être un nombre positif de jours, de 0.1 à 36500
setting-up-to = { $key } doit être un nombre de 0 à { $max }
setting-open-fraction = { $key } doit être dans (0, 1]
setting-positive-number = { $key } doit être un nombre positif
setting-positive = { $key } doit être positif
setting-non-negative = { $key } doit être un nombre positif ou nul (le signe vient du type)
setting-finite = { $key } doit être un nombre fini
setting-giver-weights = il faut scoring.giver_weight_min <= giver_weight_base <= giver_weight_max
setting-escalation = scoring.request_escalation et request_escalation_cap doivent être >= 1
setting-no-tiers = il faut au moins un palier
setting-tier-floors = les seuils des paliers doivent croître : { $tier } après { $previous }
setting-detect = detect : { $text }
setting-taker-ratio = report.taker_ratio doit être inférieur à report.giver_ratio
setting-weekday = digest.weekday doit être l'un de mon tue wed thu fri sat sun
setting-time-zone = time.zone : { $value } n'est pas un nom de fuseau horaire IANA (p. ex. Europe/Berlin, UTC)
setting-board-refresh = board.refresh_minutes doit être compris entre 0 et 10080 (une semaine)
setting-locale = locale doit valoir auto (la langue préférée du serveur selon Discord) ou l'une de { $list } ; { $value } n'est pas une langue que Goodwill parle
setting-nudge-days = forum.nudge_days doit être compris entre 0 (désactivé) et 3650
setting-unknown-key = réglage inconnu { $key } ; voir /config view pour les clés
setting-section = { $key } est une section ; indiquez une clé à l'intérieur
setting-not-applied = { $key } = { $value } n'a pas été appliqué : réglage invalide : { $why } ; donnez une valeur du type affiché par /config view
setting-no-such-tier = aucun palier ne s'appelle { $tier } ; indiquez l'un des paliers : { $tiers }
setting-overflow = { $key } = { $value } ne peut pas s'appliquer au registre de ce serveur (les soldes déborderaient) ; donnez une demi-vie plus longue

## Audit log reasons (the server's language)
audit-solved = Goodwill : marqué comme résolu
audit-roles = Goodwill : rôle selon la réputation ou un classement de période

## Graphique de /report
chart-scatter-title = Gagné et dépensé, { $days } derniers jours
chart-earned = capital gagné (dépôts)
chart-spent = capital dépensé (retraits)
chart-giver = donneurs
chart-matcher = équilibrés
chart-taker = preneurs
chart-quiet = discrets
chart-trend-title = Réputation de la communauté dans le temps
chart-trend-y = somme sur les membres
chart-standing = réputation
chart-recent = récent
chart-lasting = durable

## Tableau de /config preview
whatif-head = Et si, pour le serveur { $guild } au { $at } (rien n'a été modifié) :
whatif-note = remarque : { $note }
whatif-note-detection = { $key } : les réglages de détection ne peuvent pas être rejoués (le texte des messages n’est pas conservé) ; seuls les nouveaux messages seraient concernés
whatif-note-scoring = une fois appliqués, les changements de notation valent pour les nouvelles écritures (le registre ne fait que s’allonger) ; les colonnes recalculées montrent l’historique comme s’ils avaient toujours été en vigueur
whatif-fidelity = fidélité du rejeu avec les réglages actuels : { $fidelity } (0 = le rejeu reproduit le registre enregistré)
whatif-moved = { $moved } membres sur { $members } bougent ; { $tiers } changent de palier (appliqué ou recalculé).
whatif-col-member = membre
whatif-col-standing = réputation
whatif-col-applied = Δ appliqué
whatif-col-rescored = Δ recalculé
whatif-col-tier = palier (recalculé)
whatif-col-category = catégorie (recalculée)

## Pages web
web-nav-standings = Classement
web-nav-report = Rapport
web-log-out = Se déconnecter
web-forbidden-title = Pas pour vous
web-forbidden-moderators = Cette page est réservée aux modérateurs du serveur (Gérer le serveur).
web-forbidden-members = Ce serveur ne montre ses pages qu'à ses membres.
web-standings-title = { $guild } – classement
web-standings-heading = { $guild } — classement
web-as-of = Au { $at }.
web-as-of-short = au { $at }
web-standings-members = { $count ->
    [one] { $count } membre.
   *[other] { $count } membres.
}
web-standings-matches = { $count ->
    [one] { $count } membre correspond.
   *[other] { $count } membres correspondent.
}
web-search-placeholder = Rechercher par nom
web-search = Rechercher
web-all-members = Tous les membres
web-col-member = Membre
web-col-standing = Réputation
web-col-recent = Récent
web-col-lasting = Durable
web-col-tier = Palier
web-standings-empty = Personne ici.
web-previous = ← Précédent
web-next = Suivant →
web-page-of = Page { $page } sur { $pages }
web-stat-standing = réputation
web-stat-recent = récent (mémoire rapide)
web-stat-lasting = durable (mémoire lente)
web-stat-rank = rang
web-stat-week = 7 derniers jours
web-stat-solutions = solutions acceptées
web-projection-heading = Les 90 prochains jours si rien n'est déposé
web-projection-label = Réputation prévue sur les 90 prochains jours
web-projection-in90 = La réputation serait de { $standing } dans 90 jours.
web-projection-falls = Passe sous le seuil de { $tier } ({ $floor }) le { $date }.
web-next-tier = Palier suivant : { $tier } à { $floor }.
web-history = Historique
web-col-when = Quand
web-col-what = Quoi
web-col-amount = Montant
web-col-with = Avec
web-col-why = Pourquoi
web-someone = quelqu'un
web-jump = Voir
web-history-empty = Aucune écriture pour l'instant.

## Le tableau de bord des modérateurs (/g/…/report et son « et si »)
web-report-title = Rapport — { $guild }
web-report-heading = { $guild } — rapport des modérateurs
web-report-span = Les { $days } derniers jours jusqu'au { $at }.
web-report-csv = Télécharger le CSV
web-report-window = Période (jours)
web-report-show = Afficher
web-report-givers = Donneurs
web-report-takers = Preneurs
web-report-matchers = Équilibrés
web-report-quiet = Discrets
web-report-risers = En hausse
web-report-fallers = En baisse
web-report-earned = gagné { $value }
web-report-spent = dépensé { $value }
web-report-nobody = Personne.
web-report-at-risk = Menacés de descendre d'un palier
web-report-at-risk-none = Personne dans l'horizon.
web-report-community = Réputation de la communauté
web-report-community-label = Réputation totale sur la période
web-report-earned-spent = Gagné et dépensé
web-report-earned-spent-label = Gagné par rapport à dépensé, par membre
web-report-legend = Vert : donneurs · rouge : preneurs · bleu : équilibrés · gris : discrets
web-whatif = Et si
web-whatif-intro = Essayez des réglages sur le registre de ce serveur ; rien n'est écrit ni modifié.
web-whatif-settings-label = Réglages, clé=valeur
web-whatif-submit = Qui changerait
web-whatif-heading = Et si — { $guild }
web-whatif-back = ← Retour au rapport
web-whatif-changes = Changements essayés
web-whatif-nothing-written = Rien n'a été écrit : les réglages en vigueur sont inchangés.
web-whatif-moved = Qui change de palier
web-whatif-col-now = Maintenant
web-whatif-col-applied = Appliqué
web-whatif-col-rescored = Recalculé
web-whatif-col-standing = Réputation actuelle → recalculée
web-whatif-none = Personne ne change de palier.
web-whatif-too-long = Au plus 2000 caractères de réglages.

## Pages d'erreur et connexion
web-not-understood = Non compris
web-not-found-title = Introuvable
web-not-found = Cette page n'existe pas ici.
web-unavailable-title = Réessayez dans un instant
web-unavailable = La base de données du registre est indisponible pour le moment.
web-failed-title = Un problème est survenu
web-failed = La page n'a pas pu être générée ; l'erreur figure dans le journal du serveur.
web-bad-at = at : indiquez une date (2024-11-30) ou une heure RFC 3339
web-too-many = trop de requêtes : ralentissez
web-login-unavailable-title = Connexion indisponible
web-login-no-randomness = Le serveur n'a pour l'instant aucune source d'aléa pour créer une session.
web-login-not-set-up-title = La connexion n'est pas configurée
web-login-not-set-up = Ce Goodwill n'a pas d'application Discord pour les connexions : l'opérateur définit DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET et GOODWILL_PUBLIC_URL.
web-login-failed-title = Échec de la connexion
web-login-discord-said = Discord a répondu : { $error }. Réessayez depuis la page que vous vouliez voir.
web-login-missing = Il manque le code ou l'état au rappel.
web-login-state-mismatch = Cette connexion n'a pas été commencée dans ce navigateur (état différent). Recommencez.
web-login-expired = Cette connexion a expiré ou a déjà servi. Recommencez.
web-login-not-confirmed = Discord n'a pas confirmé la connexion. Réessayez dans un instant.

## La page d'accueil ($path et $command s'affichent comme du code)
web-home = Un registre du capital social de chaque membre d'une communauté. Les pages d'un serveur se trouvent à { $path } quand ses modérateurs les activent avec { $command } (ou members, moderators).
