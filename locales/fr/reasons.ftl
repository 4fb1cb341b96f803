# Motifs des écritures, tels que les membres les lisent dans /history et /why.

reason-adjusted = ajusté par le modérateur { $moderator } : { $why }
reason-reversal = annule l'écriture #{ $entry } ({ $kind }) : { $why }
reason-vested-asker = crédit retenu libéré : cette écriture ({ $kind }) du { $at } a été inscrite quand le compte de la personne qui demandait était nouveau ; elle a depuis échangé avec { $others } autres membres établis
reason-vested-giver = crédit retenu libéré : cette écriture ({ $kind }) du { $at } a été inscrite quand le compte de la personne qui remerciait était nouveau ; elle a depuis échangé avec { $others } autres membres établis
reason-mutual = échange mutuel avec { $member } : chacun gagne +{ $bonus } ({ $share } du crédit)

reason-helped-answered = a aidé pour { $conversation } ; lui a répondu ; aide nº { $nth } dans celle-ci
reason-helped-in-thread = a aidé pour { $conversation } ; a répondu dans son fil ; aide nº { $nth } dans celle-ci
reason-helped-answered-back = a aidé pour { $conversation } ; la personne a répondu en retour ; aide nº { $nth } dans celle-ci
reason-helped-thanked = a aidé pour { $conversation } ; la personne a dit merci ; aide nº { $nth } dans celle-ci
reason-answered = { $conversation } ; première réponse de { $by } ; question : { $asked }
reason-solution-opener = solution acceptée pour { $conversation } ; marquée par la personne elle-même
reason-solution-moderator = solution acceptée pour { $conversation } ; marquée par le modérateur { $moderator }
reason-solution-tagged = solution acceptée pour { $conversation } ; l'étiquette Résolu du forum posée à la main ; la dernière réponse dedans
reason-kudos = /kudos : { $text }

reason-conv-question = question de { $opener }, conversation { $id } ouverte le { $at }
reason-conv-question-in = question de { $opener }, conversation { $id } ouverte le { $at } dans #{ $channel }
reason-conv-conversation = conversation de { $opener }, conversation { $id } ouverte le { $at }
reason-conv-conversation-in = conversation de { $opener }, conversation { $id } ouverte le { $at } dans #{ $channel }

reason-undo-deleted = message supprimé le { $at }
reason-undo-edited = message modifié
reason-undo-reaction = réaction retirée
reason-undo-solution-moved = la solution est passée à un autre message
reason-undo-appeal = recours #{ $appeal } accepté par le modérateur { $moderator }
reason-undo-appeal-note = recours #{ $appeal } accepté par le modérateur { $moderator } : { $note }

reason-trust-tenure = { $tenure } j d'ancienneté, réputation { $standing }
reason-trust-none = encore aucune écriture propre

reason-note-pair-repeat = répétition nº { $n } pour cette paire ×{ $factor }
reason-note-pair-repeat-mutual = répétition nº { $n } pour cette paire, non amortie : l'aide est allée dans les deux sens
reason-note-giver-weight = poids du donneur ×{ $weight }
reason-note-new-giver = nouveau donneur ({ $why }) ×{ $trust }
reason-note-over-budget = crédit nº { $n } du donneur en 24 h, au-delà du budget de { $budget } ×{ $factor }
reason-note-closed-group = groupe fermé : le crédit revient au donneur par d'autres (une boucle de { $members } membres), { $outside } donneur(s) extérieur(s) en { $days } j ×{ $factor }
reason-note-answer-bonus = bonus de réponse +{ $bonus }
reason-note-follows-help = suit une aide
reason-note-unverified = aucune aide du bénéficiaire au donneur vue en { $hours } h ×{ $factor }
reason-note-held-asker = le compte de la personne qui demandait est nouveau ({ $age } j) : +{ $held } de plus retenu jusqu'à ce qu'il échange avec { $partners } autres membres établis (expire après { $days } j)
reason-note-held-giver = le compte du donneur est nouveau ({ $age } j) : +{ $held } de plus retenu jusqu'à ce qu'il échange avec { $partners } autres membres établis (expire après { $days } j)
reason-note-shared = partagé avec les aides précédentes ×{ $share }
reason-note-help-repeat = aide nº { $n } à ce membre en { $days } j ×{ $factor }
reason-note-help-repeat-mutual = aide nº { $n } à ce membre, non amortie : l'aide est allée dans les deux sens
reason-note-new-asker-life = le compte de la personne qui demandait est nouveau ({ $age } j) mais a échangé avec { $others } autres membres établis : crédit complet
reason-note-new-asker-now = le compte de la personne qui demandait est nouveau ({ $age } j ; { $why }) ×{ $trust } pour l'instant
reason-note-new-asker = le compte de la personne qui demandait est nouveau ({ $age } j ; { $why }) ×{ $trust }
reason-note-ask = demande nº { $k } en { $hours } h
reason-note-ask-since-help = demande nº { $k } en { $hours } h depuis sa dernière aide
reason-note-audience = audience ×{ $factor }

# Les indices de la détection. Les mots cités, noms, emoji, liens et noms de
# salon viennent du message et restent tels quels.
reason-ev-thanks = { $matched } ; { $found }
reason-ev-matched = repéré « { $words } »
reason-ev-quoted = « { $words } »
reason-ev-target-mention = destinataire @{ $who } par mention
reason-ev-target-name-near = destinataire « { $who } » par son nom à côté du remerciement ({ $how })
reason-ev-target-name-in-text = destinataire « { $who } » par son nom dans le texte ({ $how })
reason-ev-target-reply = destinataire { $who } par lien de réponse
reason-ev-target-conversation = destinataire { $who } par la conversation ({ $how })
reason-ev-name-exact = exact
reason-ev-name-normalized = sans tenir compte de la casse ni de la ponctuation
reason-ev-name-core = pseudo sans son suffixe
reason-ev-name-prefix = début unique
reason-ev-name-typo = une faute de frappe
reason-ev-partner-last-message = le dernier message de la personne qui remercie lui était adressé
reason-ev-partner-latest-exchange = dernier échange avec la personne qui remercie
reason-ev-partner-answered-since = a répondu à la personne qui remercie depuis son dernier message
reason-ev-partner-right-after = a répondu juste après à la demande de la personne qui remercie
reason-ev-partner-answered = a répondu à la personne qui remercie
reason-ev-thanks-cause = remerciement « grâce à » quelque chose, qui ne nomme aucun membre
reason-ev-thanks-group = adressé à un groupe (« { $words } »)
reason-ev-thanks-unknown-name = « { $name } » n'a pas écrit récemment dans le salon
reason-ev-thanks-no-target = ni mention, ni réponse, ni nom, ni échange récent
reason-ev-thanks-anticipatory = avec « { $words } »
reason-ev-thanks-end-of-request = à la fin d'une demande
reason-ev-thanks-talk = « { $words } » parle de remercier
reason-ev-question = question « { $words } ? »
reason-ev-question-form = tournure de question « { $words }… »
reason-ev-in-help-channel = { $ask } (salon d'aide #{ $channel })
reason-ev-problem = problème « { $words } » dans le salon d'aide #{ $channel }
reason-ev-invite-link = lien d'invitation « { $link } »
reason-ev-promo-channel-link = lien dans le salon de promotion #{ $channel }
reason-ev-promo-channel-attachment = pièce jointe dans le salon de promotion #{ $channel }
reason-ev-link = lien { $link }
reason-ev-attachments = { $n ->
    [one] { $n } pièce jointe
   *[other] { $n } pièces jointes
}
reason-ev-role-pings = { $n ->
    [one] { $n } mention de rôle
   *[other] { $n } mentions de rôle
}
reason-ev-broadcast = { $pings } ; facteur d'audience { $factor }
reason-ev-reaction = réaction { $emoji } de { $by }
reason-ev-reaction-on-message = réaction { $emoji } de { $by } sur le message de { $author }
reason-ev-reaction-on-thanks-nobody = réaction { $emoji } de { $by } sur un message de remerciement qui ne crédite personne
reason-ev-reaction-on-thanks = réaction { $emoji } de { $by } sur un message de remerciement ; crédite les personnes qu'il remerciait
reason-ev-reaction-on-shared = réaction { $emoji } de { $by } sur un contenu partagé
