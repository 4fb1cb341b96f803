# Noms et descriptions des commandes (voir src/discord/commands/localize.rs).

cmd-balance = solde
    .description = Le capital social d'un membre : solde, réputation, rang, tendance et alerte d'érosion
cmd-balance-member = membre
    .description = Le solde de qui (par défaut : le tien)

cmd-standings = classement
    .description = Le classement du serveur par réputation (ou ce qui a été gagné cette semaine ou ce mois)
cmd-standings-page = page
    .description = Page du classement (par défaut : 1)
cmd-standings-period = période
    .description = semaine ou mois : ce qui y a été gagné (par défaut : tout, la réputation)
cmd-standings-period-week = semaine
cmd-standings-period-month = mois
cmd-standings-period-all = tout
cmd-standings-at = date
    .description = Une semaine ou un mois passé : 2026-10, 2026-W44 ou une date (avec période)

cmd-history = historique
    .description = Les dernières écritures d'un membre, avec des liens vers les messages concernés
cmd-history-member = membre
    .description = L'historique de qui (par défaut : le tien)

cmd-why = pourquoi
    .description = Pourquoi la réputation a changé : érosion et chaque type d'écriture, jusqu'au total
cmd-why-member = membre
    .description = La réputation de qui (par défaut : la tienne)
cmd-why-since = depuis
    .description = Depuis quand : une date (2026-11-23) ou un nombre de jours (7) ; 7 jours par défaut

cmd-kudos = kudos
    .description = Remercier publiquement un membre avec des kudos (quelques-uns par jour)
cmd-kudos-member = membre
    .description = Qui mérite des kudos
cmd-kudos-reason = raison
    .description = Pour quoi

cmd-mydata = mes-données
    .description = Télécharger tout ce que Goodwill conserve sur toi dans ce serveur (JSON)

cmd-optout = désinscription
    .description = Ne plus me suivre et supprimer mes écritures dans ce serveur

cmd-optin = réinscription
    .description = Me suivre à nouveau après /optout

cmd-warnings = alertes
    .description = Recevoir un message privé quand ta réputation est sur le point de descendre d'un rang
cmd-warnings-dm = mp
    .description = on : préviens-moi avant que je descende d'un rang (une fois par descente) ; off : arrêter
cmd-warnings-dm-on = activé
cmd-warnings-dm-off = désactivé

cmd-unsolved = non-résolues
    .description = Questions ouvertes sans solution, les plus anciennes d'abord : là où l'aide manque
cmd-unsolved-channel = salon
    .description = Seulement ce salon ou ce forum

cmd-appeal = contester
    .description = Contester une de tes écritures (son # est dans /history) ; un modérateur l'examine
cmd-appeal-entry = écriture
    .description = Le numéro de l'écriture, tel que /history l'affiche (#123)
cmd-appeal-reason = raison
    .description = Pourquoi elle est fausse

cmd-review = examiner
    .description = Examiner les contestations : les lister, accepter (annule l'écriture) ou rejeter
cmd-review-list = liste
    .description = Contestations ouvertes, les plus anciennes d'abord
cmd-review-accept = accepter
    .description = Accepter une contestation : l'écriture est annulée (tracé) et le membre prévenu
cmd-review-accept-appeal = contestation
    .description = Le numéro de la contestation
cmd-review-accept-note = note
    .description = Une note pour le membre et le journal d'audit
cmd-review-reject = rejeter
    .description = Rejeter une contestation : l'écriture reste et le membre apprend pourquoi
cmd-review-reject-appeal = contestation
    .description = Le numéro de la contestation
cmd-review-reject-note = note
    .description = Pourquoi (le membre en est informé)

cmd-vacation = vacances
    .description = Suspendre ton érosion quelques jours (modérateurs : mettre fin aux vacances d'un membre)
cmd-vacation-days = jours
    .description = Jours d'absence (au plus vacation.max_days) ; ta réputation ne s'érode pas entre-temps
cmd-vacation-end = terminer
    .description = Modérateurs : mettre fin maintenant aux vacances de ce membre

cmd-mark_solution = Marquer comme solution
    .description = Marquer ce message comme la réponse qui a résolu la question

cmd-report = rapport
    .description = Donneurs, preneurs, équilibrés, membres discrets, risques d'érosion et évolutions
cmd-report-window = fenêtre
    .description = Fenêtre en jours (par défaut : 90)

cmd-config = config
    .description = Voir ou modifier les réglages Goodwill de ce serveur
cmd-config-view = voir
    .description = Afficher les réglages en vigueur dans ce serveur
cmd-config-set = définir
    .description = Modifier un réglage (ex. clé `decay.recent_half_life_days`, valeur `45`)
cmd-config-set-key = clé
    .description = Le réglage à modifier, tel que /config view l'affiche (clé pointée)
cmd-config-set-value = valeur
    .description = Nouvelle valeur (TOML : 45, 0.5, true, "texte", ["a", "b"])
cmd-config-preview = aperçu
    .description = Ce que des réglages changeraient, rejoué sur le registre de ce serveur ; ne modifie rien
cmd-config-preview-changes = changements
    .description = Réglages à essayer : key=value key2=value2
cmd-config-api-token = jeton-api
    .description = Jetons pour l'API web en lecture seule (/api/v1/g/<id du serveur>/...)
cmd-config-api-token-create = créer
    .description = Créer un jeton d'API ; il n'est affiché qu'une fois, à toi seul
cmd-config-api-token-create-name = nom
    .description = Un nom pour le reconnaître et le révoquer (ex. dashboard)
cmd-config-api-token-revoke = révoquer
    .description = Révoquer un jeton d'API par son nom
cmd-config-api-token-revoke-name = nom
    .description = Le nom du jeton (voir /config api-token list)
cmd-config-api-token-list = liste
    .description = Lister les jetons d'API de ce serveur (noms et dates, jamais les jetons)

cmd-adjust = ajuster
    .description = Ajouter au solde d'un membre ou en retirer, avec une raison (inscrite au registre)
cmd-adjust-member = membre
    .description = Le solde de qui
cmd-adjust-amount = montant
    .description = Points à ajouter (négatif pour en retirer)
cmd-adjust-reason = raison
    .description = Pourquoi (gardé dans le registre)
