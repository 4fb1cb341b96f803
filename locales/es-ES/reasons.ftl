# Motivos de los asientos, tal como los leen los miembros en /history y /why.

reason-adjusted = ajustado por el moderador { $moderator }: { $why }
reason-reversal = anula el asiento #{ $entry } ({ $kind }): { $why }
reason-vested-asker = crédito retenido liberado: este asiento ({ $kind }) del { $at } se escribió cuando la cuenta de quien preguntaba era nueva; desde entonces ha tratado con { $others } otros miembros establecidos
reason-vested-giver = crédito retenido liberado: este asiento ({ $kind }) del { $at } se escribió cuando la cuenta de quien agradecía era nueva; desde entonces ha tratado con { $others } otros miembros establecidos
reason-mutual = intercambio mutuo con { $member }: ambos ganan +{ $bonus } ({ $share } del crédito)

reason-helped-answered = ayudó con { $conversation }; le respondió; ayudante n.º { $nth } en ella
reason-helped-in-thread = ayudó con { $conversation }; respondió en su hilo; ayudante n.º { $nth } en ella
reason-helped-answered-back = ayudó con { $conversation }; la persona contestó; ayudante n.º { $nth } en ella
reason-helped-thanked = ayudó con { $conversation }; la persona dio las gracias; ayudante n.º { $nth } en ella
reason-answered = { $conversation }; respondida primero por { $by }; preguntó: { $asked }
reason-solution-opener = solución aceptada para { $conversation }; marcada por quien preguntó
reason-solution-moderator = solución aceptada para { $conversation }; marcada por el moderador { $moderator }
reason-solution-tagged = solución aceptada para { $conversation }; la etiqueta Resuelto del foro puesta a mano; la última respuesta en ella
reason-kudos = /kudos: { $text }

reason-conv-question = pregunta de { $opener }, conversación { $id } abierta el { $at }
reason-conv-question-in = pregunta de { $opener }, conversación { $id } abierta el { $at } en #{ $channel }
reason-conv-conversation = conversación de { $opener }, conversación { $id } abierta el { $at }
reason-conv-conversation-in = conversación de { $opener }, conversación { $id } abierta el { $at } en #{ $channel }

reason-undo-deleted = mensaje borrado el { $at }
reason-undo-edited = mensaje editado
reason-undo-reaction = reacción retirada
reason-undo-solution-moved = la solución pasó a otro mensaje
reason-undo-appeal = apelación #{ $appeal } aceptada por el moderador { $moderator }
reason-undo-appeal-note = apelación #{ $appeal } aceptada por el moderador { $moderator }: { $note }

reason-trust-tenure = { $tenure } d de antigüedad, reputación { $standing }
reason-trust-none = todavía sin asientos propios

reason-note-pair-repeat = repetición n.º { $n } para esta pareja ×{ $factor }
reason-note-pair-repeat-mutual = repetición n.º { $n } para esta pareja, sin amortiguar: la ayuda fue en ambos sentidos
reason-note-giver-weight = peso de quien da ×{ $weight }
reason-note-new-giver = donante nuevo ({ $why }) ×{ $trust }
reason-note-over-budget = crédito n.º { $n } del donante en 24 h, por encima del presupuesto de { $budget } ×{ $factor }
reason-note-closed-group = grupo cerrado: el crédito vuelve al donante a través de otros (un círculo de { $members } miembros), { $outside } donante(s) de fuera en { $days } d ×{ $factor }
reason-note-answer-bonus = bonificación por respuesta +{ $bonus }
reason-note-follows-help = sigue a una ayuda
reason-note-unverified = no se vio ayuda del receptor al donante en { $hours } h ×{ $factor }
reason-note-held-asker = la cuenta de quien preguntaba es nueva ({ $age } d): +{ $held } más retenido hasta que trate con { $partners } otros miembros establecidos (caduca a los { $days } d)
reason-note-held-giver = la cuenta del donante es nueva ({ $age } d): +{ $held } más retenido hasta que trate con { $partners } otros miembros establecidos (caduca a los { $days } d)
reason-note-shared = compartido con ayudantes anteriores ×{ $share }
reason-note-help-repeat = ayuda n.º { $n } a este miembro en { $days } d ×{ $factor }
reason-note-help-repeat-mutual = ayuda n.º { $n } a este miembro, sin amortiguar: la ayuda fue en ambos sentidos
reason-note-new-asker-life = la cuenta de quien preguntaba es nueva ({ $age } d) pero ha tratado con { $others } otros miembros establecidos: crédito completo
reason-note-new-asker-now = la cuenta de quien preguntaba es nueva ({ $age } d; { $why }) ×{ $trust } por ahora
reason-note-new-asker = la cuenta de quien preguntaba es nueva ({ $age } d; { $why }) ×{ $trust }
reason-note-ask = pregunta n.º { $k } en { $hours } h
reason-note-ask-since-help = pregunta n.º { $k } en { $hours } h desde que ayudó por última vez
reason-note-audience = audiencia ×{ $factor }

# Las pruebas de la detección. Las palabras citadas, nombres, emoji, enlaces
# y nombres de canal vienen del mensaje y se dejan tal cual.
reason-ev-thanks = { $matched }; { $found }
reason-ev-matched = detectado «{ $words }»
reason-ev-quoted = «{ $words }»
reason-ev-target-mention = destinatario @{ $who } por mención
reason-ev-target-name-near = destinatario «{ $who }» por su nombre junto al agradecimiento ({ $how })
reason-ev-target-name-in-text = destinatario «{ $who }» por su nombre en el texto ({ $how })
reason-ev-target-reply = destinatario { $who } por enlace de respuesta
reason-ev-target-conversation = destinatario { $who } por la conversación ({ $how })
reason-ev-name-exact = exacto
reason-ev-name-normalized = sin distinguir mayúsculas ni puntuación
reason-ev-name-core = apodo sin su sufijo
reason-ev-name-prefix = comienzo único
reason-ev-name-typo = una errata
reason-ev-partner-last-message = el último mensaje de quien agradece iba dirigido a esa persona
reason-ev-partner-latest-exchange = último intercambio con quien agradece
reason-ev-partner-answered-since = respondió a quien agradece desde su último mensaje
reason-ev-partner-right-after = respondió justo después a la petición de quien agradece
reason-ev-partner-answered = respondió a quien agradece
reason-ev-thanks-cause = agradece «gracias a» algo y no nombra a ningún miembro
reason-ev-thanks-group = dirigido a un grupo («{ $words }»)
reason-ev-thanks-unknown-name = «{ $name }» no ha escrito recientemente en el canal
reason-ev-thanks-no-target = sin mención, respuesta, nombre ni intercambio reciente
reason-ev-thanks-anticipatory = con «{ $words }»
reason-ev-thanks-end-of-request = al final de una petición
reason-ev-thanks-talk = «{ $words }» habla de agradecer
reason-ev-question = pregunta «{ $words }?»
reason-ev-question-form = forma de pregunta «{ $words }…»
reason-ev-in-help-channel = { $ask } (canal de ayuda #{ $channel })
reason-ev-problem = problema «{ $words }» en el canal de ayuda #{ $channel }
reason-ev-invite-link = enlace de invitación «{ $link }»
reason-ev-promo-channel-link = enlace en el canal de promoción #{ $channel }
reason-ev-promo-channel-attachment = archivo adjunto en el canal de promoción #{ $channel }
reason-ev-link = enlace { $link }
reason-ev-attachments = { $n ->
    [one] { $n } archivo adjunto
   *[other] { $n } archivos adjuntos
}
reason-ev-role-pings = { $n ->
    [one] { $n } mención de rol
   *[other] { $n } menciones de rol
}
reason-ev-broadcast = { $pings }; factor de audiencia { $factor }
reason-ev-reaction = reacción { $emoji } de { $by }
reason-ev-reaction-on-message = reacción { $emoji } de { $by } al mensaje de { $author }
reason-ev-reaction-on-thanks-nobody = reacción { $emoji } de { $by } a un mensaje de agradecimiento que no acredita a nadie
reason-ev-reaction-on-thanks = reacción { $emoji } de { $by } a un mensaje de agradecimiento; acredita a quienes agradecía
reason-ev-reaction-on-shared = reacción { $emoji } de { $by } a contenido compartido
