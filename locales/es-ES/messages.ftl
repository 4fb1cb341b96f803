# Lo que leen los miembros: respuestas, embeds y publicaciones en los canales.

## /balance
balance-title = Saldo — { $name }
balance-rank = puesto n.º { $rank }
balance-tier = **{ $tier }** (desde { $floor })
balance-next-tier = siguiente: { $tier } a partir de { $at }
balance-vacation = 🏖️ De vacaciones hasta el { $date } ({ $relative }): el desgaste está en pausa y no hay avisos de desgaste mientras tanto.
balance-falls-below = Baja de { $tier } el { $date } ({ $relative }) si no hay nuevos aportes.
balance-advice = Se mantiene en { $tier } con unos { $thanks } agradecimientos recibidos más antes del { $date }.
balance-no-decay = Sin aviso de desgaste: la reputación se mantiene en este nivel.
balance-field-standing = Reputación
balance-field-tier = Nivel
balance-field-trend = Tendencia (7 días)
balance-field-recent = Reciente
balance-field-lasting = Duradera
balance-field-headroom = Margen
balance-headroom = { $count ->
    [one] { $count } pregunta antes de quedar en negativo
   *[other] { $count } preguntas antes de quedar en negativo
}
balance-field-solutions = Soluciones
balance-solutions = { $count ->
    [0] ninguna aceptada todavía
    [one] **1** respuesta aceptada como solución
   *[other] **{ $count }** respuestas aceptadas como solución
}
balance-field-decay = Desgaste
balance-footer = { $count ->
    [one] { $count } apunte
   *[other] { $count } apuntes
} · /history para ver el detalle
balance-opted-out = Sin seguimiento (te diste de baja). `/optin` para volver.

## /standings
standings-title = Clasificación
standings-empty = Todavía no hay nadie en la clasificación.
standings-row = `#{ $rank }` **{ $name }** — { $standing } · { $tier } (reciente { $recent }, duradera { $lasting })
standings-footer = Página { $page } de { $pages } · { $members } miembros
standings-prev = ◀ Anterior
standings-next = Siguiente ▶
standings-at-needs-period = at indica una semana o un mes pasado: añade period:week o period:month

## Clasificaciones por periodo y ganadores
board-empty = Nadie ganó nada en este periodo.
board-row = `#{ $rank }` { $medal }**{ $name }** — ganado { $earned } · reputación { $standing } ({ $tier })
board-title-winners = 🏆 Ganadores { $period ->
    [week] de la semana
   *[other] del mes
} { $label }
board-title-archive = { $period ->
    [week] Semana
   *[other] Mes
} { $label } (archivo)
board-title-current = { $period ->
    [week] Esta semana
   *[other] Este mes
} ({ $label })
board-footer = del { $from } al { $to } ({ $zone }) · ganado en el periodo, reputación actual

## /history
history-title = Historial — { $name }
history-empty = Todavía no hay apuntes.
history-message = mensaje
history-solution = ✅ solución
history-footer = los últimos { $count } apuntes

## /why
why-title = Por qué — { $name }
why-head = **{ $from } → { $to }** ({ $change }) desde el { $since }
why-decay-loss = desgaste (el capital se desvanece si no entra nada nuevo)
why-decay-debt = desgaste (una deuda también se desvanece)
why-written = (apuntado { $amount }, desgastado desde entonces)
why-more = … (más tipos: ver /history)
why-nothing = Nada cambió: ni apuntes ni desgaste en este periodo.
why-small = Contó poco
why-small-row = { $date } { $kind } { $amount } de { $base }: { $why }
why-footer = Cada apunte se valora a día de hoy (tras su propio desgaste); las líneas suman el cambio.

## Tipos de apuntes
kind-thanks = agradecimientos recibidos
kind-thank-reaction = reacciones de agradecimiento
kind-helpful-reply = ayuda prestada
kind-shared-content = aportes útiles
kind-kudos = kudos
kind-request = preguntas respondidas (preguntar cuesta)
kind-self-promotion = autopromoción
kind-broadcast = menciones masivas
kind-reciprocity = bonificación por ayuda mutua
kind-reversal = anulaciones (mensajes borrados o editados, reacciones quitadas, soluciones movidas)
kind-adjustment = ajustes de moderadores
kind-solution = soluciones aceptadas

## /kudos
kudos-given = 🙌 <@{ $giver }> dio kudos a <@{ $receiver }> (+{ $amount }): { $reason }
kudos-left = -# quedan { $remaining } kudos hoy
kudos-cap = Ya diste tus { $cap } kudos de hoy; podrás dar más { $when }.
kudos-self = Los kudos son para otra persona, no para ti.
kudos-bot = Los bots no coleccionan kudos.
kudos-opted-out = No se pueden registrar los kudos: tú o la otra persona se dieron de baja del seguimiento.
kudos-already = Esos kudos ya estaban registrados.

## /mydata, /optout, /optin, /warnings
mydata-summary = Tus datos en este servidor: { $entries } apuntes y los metadatos de { $messages } mensajes (los contenidos nunca se guardan). `/optout` los borra.
optout-warning = Esto borra todos tus apuntes en este servidor y deja de seguirte hasta que uses `/optin`. No se puede deshacer.
optout-confirm = Borrar mis datos y dejar de seguirme
optout-cancel = Cancelar
optin-done = Seguimiento activado: tu ayuda y tus agradecimientos vuelven a contar desde ahora.
warnings-on = Los avisos de desgaste por MD están **activados**: el bot te escribe una vez cuando tu reputación esté a punto de bajar de nivel, con lo que lo evitaría. Mantén abiertos los MD de los miembros del servidor.
warnings-server-off = Anotado, pero este servidor desactivó los avisos de desgaste por MD (`digest.dm_opt_in`); los recibirás si los moderadores los activan.
warnings-off = Los avisos de desgaste por MD están **desactivados**.

## /vacation
vacation-both = Indica `days` (tus vacaciones) o `end` (un moderador termina unas), no ambos.
vacation-end-needs-moderator = Terminar unas vacaciones requiere el permiso Gestionar servidor.
vacation-ended-log = 🏖️ { $moderator } terminó las vacaciones de <@{ $member }> (previstas hasta el { $date }): el desgaste se reanuda
vacation-ended = Terminaron las vacaciones de { $name } (estaban previstas hasta el { $date }); su desgaste se reanuda ahora.
vacation-not-on = { $name } no está de vacaciones.
vacation-started-log = 🏖️ <@{ $member }> está de vacaciones hasta el { $date } (desgaste en pausa)
vacation-started = 🏖️ ¡Disfruta! Estás de vacaciones hasta el { $date } ({ $relative }): tu reputación no se desgasta y no se envían avisos de desgaste mientras tanto.
vacation-refused = No se iniciaron las vacaciones: { $why }.
vacation-current = 🏖️ Estás de vacaciones hasta el { $date } ({ $relative }).
vacation-none = No estás de vacaciones. `/vacation days:7` pausa tu desgaste durante una semana.

## /appeal
appeal-filed = Apelación n.º { $appeal } presentada para el apunte #{ $entry }. Un moderador la revisará; recibirás la decisión por mensaje directo.
appeal-no-entry = No existe el apunte #{ $entry } en este servidor. `/history` muestra los números de tus apuntes.
appeal-not-yours = Solo puedes apelar tus propios apuntes.
appeal-not-appealable = El apunte #{ $entry } no se puede apelar: { $why }.
appeal-already = El apunte #{ $entry } ya fue apelado.
appeal-dm-accepted = Tu apelación n.º { $appeal } fue **aceptada**: el apunte #{ $entry } ({ $kind }) queda anulado.
appeal-dm-rejected = Tu apelación n.º { $appeal } fue **rechazada**: el apunte #{ $entry } ({ $kind }) se mantiene.
appeal-dm-note = Nota del moderador: { $note }

## /unsolved
unsolved-none = Nada pendiente: cada pregunta hecha aquí en los últimos { $days } días tiene una respuesta marcada o un agradecimiento. 🎉
unsolved-answers = { $count ->
    [0] sin respuesta todavía
    [one] respondió 1 miembro
   *[other] respondieron { $count } miembros
}
unsolved-row = • [Pregunta de { $name }]({ $link }){ $place } · hecha { $when } · { $answers }
unsolved-place = { " " }en #{ $channel }
unsolved-more = … y { $count } más (primero las más antiguas)
unsolved-title-in = Sin resolver en #{ $channel }
unsolved-title = Preguntas sin resolver
unsolved-footer = { $open } abiertas · hechas en los últimos { $days } días · quien pregunta marca la respuesta que lo resolvió: clic derecho → Aplicaciones → Marcar como solución

## Errores y rechazos
error-unavailable = la base de datos del registro no está disponible ahora mismo; inténtalo de nuevo en un momento
error-database = Algo salió mal al leer el registro; el error está en el log del bot.
error-internal = Algo salió mal; el error está en el log del bot.
error-moderators-only = `/{ $command }` es para moderadores: necesitas el permiso **Gestionar servidor**.
error-guild-only = Este comando funciona en un servidor, no en mensajes directos.
error-parse-input = No se pudo leer `{ $input }`: { $error }
error-parse = No se pudieron leer las opciones: { $error }

## Avisos de desgaste: el resumen de los moderadores y el MD al miembro
digest-title = **Avisos de desgaste** — { $count ->
    [one] 1 miembro a punto de bajar de nivel:
   *[other] { $count } miembros a punto de bajar de nivel:
}
digest-row = • <@{ $member }> deja **{ $tier }** el { $date } (reputación { $standing }, mínimo { $floor })
digest-advice = se mantiene en { $tier } con unos { $thanks } agradecimientos recibidos más antes del { $date }
warning-dm = Aviso: tu reputación ({ $standing }) baja del mínimo de **{ $tier }** ({ $floor }) el { $date } si nada cambia.
warning-dm-advice = Te mantienes en { $tier } con unos { $thanks } agradecimientos recibidos más antes del { $date }.

## El recordatorio en una publicación tranquila, respondida y sin resolver
nudge = <@{ $opener }> ¿las respuestas de aquí resolvieron tu pregunta? Si alguna lo hizo, márcala: clic derecho en el mensaje (mantén pulsado en el móvil) → **Aplicaciones** → **Marcar como solución**. Así se agradece a quien ayudó y los demás ven que la pregunta tiene respuesta.

## Un rol que el bot no puede gestionar
role-which-tier = el rol **{ $tier }** <@&{ $role }> (id { $role })
role-which = el rol <@&{ $role }> (id { $role })
role-missing-permissions = ⚠️ Roles por reputación: Discord se negó a dar o quitar { $which }: { $problem }. Dale al bot el permiso **Gestionar roles** y arrastra el rol del bot por encima de este rol en Ajustes del servidor → Roles; después ejecuta `/config set roles.enabled true` para que el bot lo intente de nuevo. Hasta entonces el bot no toca este rol.
role-missing-access = ⚠️ Roles por reputación: el bot no puede acceder a los roles del servidor para gestionar { $which }: { $problem }. Comprueba que el bot sigue siendo miembro con el permiso **Gestionar roles**; después ejecuta `/config set roles.enabled true` para que el bot lo intente de nuevo. Hasta entonces el bot no toca este rol.
role-unknown = ⚠️ Roles por reputación: { $which } ya no existe ({ $problem }). Vuelve a asignar el rol del nivel con `/config set roles.by_tier.{ $key } <id del rol>` (0 lo quita). Hasta entonces el bot no toca este rol.

## Botones
button-not-yours = Este botón es de otra persona.
optout-cancelled = Cancelado: no cambió nada.
optout-done = { $count ->
    [one] Hecho: 1 apunte borrado
   *[other] Hecho: { $count } apuntes borrados
}, y ya no se te sigue aquí. `/optin` vuelve a activar el seguimiento.

## /why, unas vacaciones dentro del periodo
why-paused = 🏖️ desgaste en pausa { $days } días de este periodo (vacaciones)

## Marcar como solución
solution-marked = ✅ <@{ $marker }> marcó [esta respuesta]({ $link }) de <@{ $solver }> como la solución (+{ $amount }).
solution-marked-moved = ✅ <@{ $marker }> marcó [esta respuesta]({ $link }) de <@{ $solver }> como la solución (+{ $amount }) (antes era de <@{ $previous }>, cuyo crédito se anuló).
solution-unchanged = Esa respuesta ya está marcada como la solución: no cambió nada.
solution-not-tagged = La solución quedó registrada, pero no pude etiquetar ni cerrar la publicación: { $error }. Para eso necesito **Gestionar hilos** en este foro.
solution-refused-own = No puedes marcar tu propio mensaje como la solución.
solution-refused-bot = El mensaje de un bot no puede ser la solución.
solution-refused-openers = Ese es el mensaje de quien preguntó: marca la respuesta que lo resolvió.
solution-refused-not-allowed = Solo el miembro que preguntó, o un moderador (Gestionar hilos), puede marcar la solución.
solution-refused-outside = Ese mensaje no está en ninguna conversación que Goodwill conozca (puede ser anterior al bot, o su autor desactivó el seguimiento).

## El canal de registro
appeal-rejected-log = ⚖️ apelación n.º { $appeal } de <@{ $member }> sobre el apunte #{ $entry } rechazada por { $moderator }: { $note }

## Rechazos según las reglas
vacation-refused-days = los días deben estar entre 1 y { $max } (vacation.max_days)
vacation-refused-going-on = ya estás de vacaciones hasta el { $date }
vacation-refused-cooldown = unas vacaciones cada { $days } días (vacation.cooldown_days): las próximas pueden empezar el { $date }
appeal-why-reversal = es una anulación; apela el apunte que anula
appeal-why-reversed = ya fue anulado
error-rate-limited = Más despacio: podrás volver a usar los comandos de Goodwill en { $seconds } s.

## Respuestas a los moderadores
report-title = Informe de la comunidad — últimos { $days } días
report-summary = { $members } miembros activos: { $givers } que dan, { $takers } que toman, { $matchers } equilibrados, { $quiet } en silencio.
report-givers = Dan ({ $count })
report-takers = Toman ({ $count })
report-matchers = Equilibrados ({ $count })
report-quiet = En silencio ({ $count })
report-at-risk = En riesgo de desgaste ({ $count })
report-at-risk-row = **{ $name }** { $tier } { $standing } → por debajo de { $floor } { $when }
report-risers = Suben
report-fallers = Bajan
report-top-helpers = Quienes más ayudan
report-footer = Tabla completa en report.csv
review-title = Apelaciones por revisar
review-none = No hay apelaciones abiertas.
review-row = **n.º { $appeal }** de <@{ $member }>, { $filed } — apunte #{ $entry } `{ $amount }` { $kind } ({ $date }): { $why }
    > { $reason }
review-more = … hay más: decide primero estas
review-footer = /review accept appeal:N [nota] anula el apunte · /review reject appeal:N nota
review-accepted = Apelación n.º { $appeal } aceptada: apunte #{ $entry } anulado ({ $amount }).
review-rejected = Apelación n.º { $appeal } rechazada: el apunte #{ $entry } se mantiene.
review-already = La apelación n.º { $appeal } ya se decidió ({ $status }).
review-no-appeal = No hay ninguna apelación n.º { $appeal } en este servidor.
adjust-done = <@{ $member }> ajustado en { $amount }: { $reason }
config-updated = Cambiado: `{ $change }`
config-in-force = Los ajustes vigentes en este servidor:
config-whatif-file = Qué pasaría ({ $changes }): { $count ->
    [one] 1 miembro cambia de nivel
   *[other] { $count } miembros cambian de nivel
}; no se cambió nada. Todas las filas están en el archivo.
token-created = Token de API `{ $name }` creado. Cópialo ahora, no se vuelve a mostrar:
    ```
    { $token }
    ```
    Úsalo como `Authorization: Bearer <token>` en `/api/v1/g/{ $guild }/...`; revócalo con `/config api-token revoke`.
token-revoked = Token de API `{ $name }` revocado.
token-none = No hay tokens de API. Crea uno con `/config api-token create`.
token-row = `{ $name }` de <@{ $by }> el { $date }
token-row-used = `{ $name }` de <@{ $by }> el { $date }, usado por última vez { $used }

## Canal de registro: kudos, ajustes y anulaciones
log-kudos = 🎉 kudos: { $giver } → { $member } ({ $amount }): { $reason }{ $link }
log-adjustment = 🛠️ ajuste para { $member } ({ $amount }) por { $moderator }: { $reason }
log-a-moderator = un moderador
log-reversal = ↩️ anulación para { $member } ({ $amount }): { $reason }{ $link }

## /config set: por qué se rechazó un ajuste
setting-text = { $text }
setting-wants-number = { $key } espera un número (p. ej. 2.5)
setting-wants-integer = { $key } espera un número entero (p. ej. 3)
setting-wants-bool = { $key } espera true o false
setting-wants-text = { $key } espera un texto entre comillas (p. ej. "Europe/Berlin")
setting-wants-list = { $key } espera una lista entre corchetes (p. ej. ["a", "b"] o [])
setting-wants-date = { $key } espera una fecha (p. ej. 2026-12-01)
setting-wants-list-of-text = { $key } espera una lista de palabras entre comillas (p. ej. ["muchas gracias", "genial"])
setting-wants-list-of-numbers = { $key } espera una lista de números (p. ej. [1.5, 2])
setting-wants-list-of-integers = { $key } espera una lista de números enteros (p. ej. [1, 2])
setting-wants-ids = { $key } espera ID de Discord: una lista (p. ej. [123, 456]) o "123, 456"
setting-not-an-id = { $key }: «{ $word }» no es un ID de Discord (separa los ID con comas, p. ej. "123, 456")
setting-between = { $key } debe estar entre { $lo } y { $hi }
setting-between-got = { $key } debe estar entre { $lo } y { $hi } (recibido: { $got })
setting-half-life = { $key } debe ser un número positivo de días, de 0.1 a 36500
setting-up-to = { $key } debe ser un número de 0 a { $max }
setting-open-fraction = { $key } debe estar en (0, 1]
setting-positive-number = { $key } debe ser un número positivo
setting-positive = { $key } debe ser positivo
setting-non-negative = { $key } debe ser un número no negativo (el signo lo da el tipo)
setting-finite = { $key } debe ser un número finito
setting-giver-weights = debe cumplirse scoring.giver_weight_min <= giver_weight_base <= giver_weight_max
setting-escalation = scoring.request_escalation y request_escalation_cap deben ser >= 1
setting-no-tiers = hace falta al menos un nivel
setting-tier-floors = los umbrales de los niveles deben crecer: { $tier } después de { $previous }
setting-detect = detect: { $text }
setting-taker-ratio = report.taker_ratio debe ser menor que report.giver_ratio
setting-weekday = digest.weekday debe ser uno de mon tue wed thu fri sat sun
setting-time-zone = time.zone: { $value } no es un nombre de zona horaria IANA (p. ej., Europe/Berlin, UTC)
setting-board-refresh = board.refresh_minutes debe estar entre 0 y 10080 (una semana)
setting-locale = locale debe ser auto (el idioma preferido del servidor en Discord) o uno de { $list }; { $value } no es un idioma que Goodwill hable
setting-nudge-days = forum.nudge_days debe estar entre 0 (desactivado) y 3650
setting-unknown-key = ajuste desconocido { $key }; consulta las claves con /config view
setting-section = { $key } es una sección; indica una clave dentro de ella
setting-not-applied = { $key } = { $value } no se aplicó: ajuste no válido: { $why }; da un valor del tipo que muestra /config view
setting-no-such-tier = ningún nivel se llama { $tier }; indica uno de los niveles: { $tiers }
setting-overflow = { $key } = { $value } no se puede aplicar al registro de este servidor (los saldos se desbordarían); da una vida media más larga

## Audit log reasons (the server's language)
audit-solved = Goodwill: marcado como resuelto
audit-roles = Goodwill: rol según la reputación o una clasificación del período

## Gráfico de /report
chart-scatter-title = Ganado y gastado, últimos { $days } días
chart-earned = capital ganado (depósitos)
chart-spent = capital gastado (retiros)
chart-giver = dadores
chart-matcher = equilibrados
chart-taker = tomadores
chart-quiet = callados
chart-trend-title = Reputación de la comunidad en el tiempo
chart-trend-y = suma de los miembros
chart-standing = reputación
chart-recent = reciente
chart-lasting = duradera

## Tabla de /config preview
whatif-head = Qué pasaría, para el servidor { $guild } a { $at } (no se cambió nada):
whatif-note = nota: { $note }
whatif-note-detection = { $key }: los ajustes de detección no se pueden volver a aplicar al pasado (el texto de los mensajes no se guarda); solo afectarían a los mensajes nuevos
whatif-note-scoring = una vez aplicados, los cambios de puntuación valen para las entradas nuevas (el libro solo se amplía); las columnas recalculadas muestran el historial como si siempre hubieran estado vigentes
whatif-fidelity = fidelidad de la repetición con los ajustes actuales: { $fidelity } (0 = la repetición reproduce el registro guardado)
whatif-moved = { $moved } de { $members } miembros cambian; { $tiers } cambian de nivel (aplicado o recalculado).
whatif-col-member = miembro
whatif-col-standing = reputación
whatif-col-applied = Δ aplicado
whatif-col-rescored = Δ recalculado
whatif-col-tier = nivel (recalculado)
whatif-col-category = categoría (recalculada)

## Páginas web
web-nav-standings = Clasificación
web-nav-report = Informe
web-log-out = Cerrar sesión
web-forbidden-title = No es para ti
web-forbidden-moderators = Esta página es para los moderadores del servidor (Gestionar servidor).
web-forbidden-members = Este servidor solo muestra sus páginas a sus miembros.
web-standings-title = { $guild } – clasificación
web-standings-heading = { $guild } — clasificación
web-as-of = A { $at }.
web-as-of-short = a { $at }
web-standings-members = { $count ->
    [one] { $count } miembro.
   *[other] { $count } miembros.
}
web-standings-matches = { $count ->
    [one] { $count } miembro coincide.
   *[other] { $count } miembros coinciden.
}
web-search-placeholder = Buscar por nombre
web-search = Buscar
web-all-members = Todos los miembros
web-col-member = Miembro
web-col-standing = Reputación
web-col-recent = Reciente
web-col-lasting = Duradera
web-col-tier = Nivel
web-standings-empty = No hay nadie.
web-previous = ← Anterior
web-next = Siguiente →
web-page-of = Página { $page } de { $pages }
web-stat-standing = reputación
web-stat-recent = reciente (memoria rápida)
web-stat-lasting = duradera (memoria lenta)
web-stat-rank = puesto
web-stat-week = últimos 7 días
web-stat-solutions = soluciones aceptadas
web-projection-heading = Los próximos 90 días si no se deposita nada
web-projection-label = Reputación prevista en los próximos 90 días
web-projection-in90 = La reputación sería { $standing } dentro de 90 días.
web-projection-falls = Baja del umbral de { $tier } ({ $floor }) el { $date }.
web-next-tier = Siguiente nivel: { $tier } a partir de { $floor }.
web-history = Historial
web-col-when = Cuándo
web-col-what = Qué
web-col-amount = Importe
web-col-with = Con
web-col-why = Por qué
web-someone = alguien
web-jump = Ir
web-history-empty = Todavía no hay asientos.

## El panel de los moderadores (/g/…/report y su «qué pasaría si»)
web-report-title = Informe de { $guild }
web-report-heading = { $guild } — informe para moderadores
web-report-span = Los últimos { $days } días hasta { $at }.
web-report-csv = Descargar CSV
web-report-window = Periodo (días)
web-report-show = Mostrar
web-report-givers = Dan
web-report-takers = Toman
web-report-matchers = Equilibrados
web-report-quiet = En silencio
web-report-risers = Suben
web-report-fallers = Bajan
web-report-earned = ganado { $value }
web-report-spent = gastado { $value }
web-report-nobody = Nadie.
web-report-at-risk = En riesgo de bajar de nivel
web-report-at-risk-none = Nadie dentro del horizonte.
web-report-community = Reputación de la comunidad
web-report-community-label = Reputación total en el periodo
web-report-earned-spent = Ganado y gastado
web-report-earned-spent-label = Ganado frente a gastado por miembro
web-report-legend = Verde: dan · rojo: toman · azul: equilibrados · gris: en silencio
web-whatif = Qué pasaría si
web-whatif-intro = Prueba ajustes sobre el registro de este servidor; no se escribe ni se cambia nada.
web-whatif-settings-label = Ajustes, clave=valor
web-whatif-submit = Quién cambiaría
web-whatif-heading = Qué pasaría si — { $guild }
web-whatif-back = ← Volver al informe
web-whatif-changes = Cambios probados
web-whatif-nothing-written = No se escribió nada: los ajustes vigentes no han cambiado.
web-whatif-moved = Quién sale de su nivel
web-whatif-col-now = Ahora
web-whatif-col-applied = Aplicado
web-whatif-col-rescored = Recalculado
web-whatif-col-standing = Reputación ahora → recalculada
web-whatif-none = Nadie cambia de nivel.
web-whatif-too-long = Como máximo 2000 caracteres de ajustes.

## Páginas de error e inicio de sesión
web-not-understood = No se entendió
web-not-found-title = No encontrado
web-not-found = Aquí no existe esa página.
web-unavailable-title = Inténtalo de nuevo en un momento
web-unavailable = La base de datos del registro no está disponible ahora mismo.
web-failed-title = Algo salió mal
web-failed = No se pudo generar la página; el error está en el registro del servidor.
web-bad-at = at: indica una fecha (2024-11-30) o una hora RFC 3339
web-too-many = demasiadas peticiones: ve más despacio
web-login-unavailable-title = Inicio de sesión no disponible
web-login-no-randomness = El servidor no tiene ahora ninguna fuente de aleatoriedad para una sesión.
web-login-not-set-up-title = El inicio de sesión no está configurado
web-login-not-set-up = Este Goodwill no tiene una aplicación de Discord para iniciar sesión: el operador define DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET y GOODWILL_PUBLIC_URL.
web-login-failed-title = Error al iniciar sesión
web-login-discord-said = Discord respondió: { $error }. Vuelve a intentarlo desde la página que querías ver.
web-login-missing = A la respuesta le falta el código o el estado.
web-login-state-mismatch = Este inicio de sesión no empezó en este navegador (el estado no coincide). Empieza de nuevo.
web-login-expired = Este inicio de sesión caducó o ya se usó. Empieza de nuevo.
web-login-not-confirmed = Discord no confirmó el inicio de sesión. Inténtalo de nuevo en un momento.

## La página de inicio ($path y $command se muestran como código)
web-home = Un registro del capital social de cada miembro de una comunidad. Las páginas de un servidor están en { $path } cuando sus moderadores las activan con { $command } (o members, moderators).
