# Nombres y descripciones de los comandos (ver src/discord/commands/localize.rs).

cmd-balance = saldo
    .description = El capital social de un miembro: saldo, reputación, nivel, tendencia y aviso de desgaste
cmd-balance-member = miembro
    .description = De quién mostrar el saldo (por defecto: el tuyo)

cmd-standings = clasificación
    .description = La clasificación del servidor por reputación (o lo ganado esta semana o este mes)
cmd-standings-page = página
    .description = Página de la clasificación (por defecto: 1)
cmd-standings-period = periodo
    .description = semana o mes: lo ganado en él (por defecto: todo, la reputación)
cmd-standings-period-week = semana
cmd-standings-period-month = mes
cmd-standings-period-all = todo
cmd-standings-at = fecha
    .description = Una semana o un mes pasado: 2026-10, 2026-W44 o una fecha (con periodo)

cmd-history = historial
    .description = Los últimos apuntes de un miembro, con enlaces a los mensajes que los originaron
cmd-history-member = miembro
    .description = De quién mostrar el historial (por defecto: el tuyo)

cmd-why = por-qué
    .description = Por qué cambió la reputación: desgaste y cada tipo de apunte, sumando el cambio
cmd-why-member = miembro
    .description = La reputación de quién (por defecto: la tuya)
cmd-why-since = desde
    .description = Desde cuándo: una fecha (2026-11-23) o días atrás (7); por defecto 7 días

cmd-kudos = kudos
    .description = Agradecer públicamente a un miembro con kudos (unos pocos al día)
cmd-kudos-member = miembro
    .description = Quién merece los kudos
cmd-kudos-reason = motivo
    .description = Por qué

cmd-mydata = mis-datos
    .description = Descargar todo lo que Goodwill guarda sobre ti en este servidor (JSON)

cmd-optout = darse-de-baja
    .description = Dejar de seguirme y borrar mis apuntes en este servidor

cmd-optin = darse-de-alta
    .description = Volver a seguirme después de /optout

cmd-warnings = avisos
    .description = Recibir un mensaje directo cuando tu reputación esté a punto de bajar de nivel
cmd-warnings-dm = md
    .description = on: avísame antes de bajar de nivel (una vez por bajada); off: no más avisos
cmd-warnings-dm-on = activar
cmd-warnings-dm-off = desactivar

cmd-unsolved = sin-resolver
    .description = Preguntas abiertas sin solución, las más antiguas primero: dónde hace falta ayuda
cmd-unsolved-channel = canal
    .description = Solo este canal o foro

cmd-appeal = apelar
    .description = Impugnar uno de tus apuntes (su # está en /history); lo revisa un moderador
cmd-appeal-entry = apunte
    .description = El número del apunte, como lo muestra /history (#123)
cmd-appeal-reason = motivo
    .description = Por qué es incorrecto

cmd-review = revisar
    .description = Revisar las apelaciones: listarlas, aceptarlas (anula el apunte) o rechazarlas
cmd-review-list = lista
    .description = Apelaciones abiertas, las más antiguas primero
cmd-review-accept = aceptar
    .description = Aceptar una apelación: el apunte se anula (auditado) y se avisa al miembro
cmd-review-accept-appeal = apelación
    .description = El número de la apelación
cmd-review-accept-note = nota
    .description = Una nota para el miembro y el registro de auditoría
cmd-review-reject = rechazar
    .description = Rechazar una apelación: el apunte se mantiene y el miembro sabrá por qué
cmd-review-reject-appeal = apelación
    .description = El número de la apelación
cmd-review-reject-note = nota
    .description = Por qué (se le dice al miembro)

cmd-vacation = vacaciones
    .description = Pausar tu desgaste unos días (moderadores: terminar las vacaciones de alguien)
cmd-vacation-days = días
    .description = Días fuera (como máximo vacation.max_days); tu reputación no se desgasta mientras
cmd-vacation-end = terminar
    .description = Moderadores: terminar ahora las vacaciones de este miembro

cmd-mark_solution = Marcar como solución
    .description = Marcar este mensaje como la respuesta que resolvió la pregunta

cmd-report = informe
    .description = Dadores, tomadores, equilibrados, miembros callados, riesgos de desgaste y cambios
cmd-report-window = ventana
    .description = Ventana en días (por defecto: 90)

cmd-config = configuración
    .description = Ver o cambiar los ajustes de Goodwill de este servidor
cmd-config-view = ver
    .description = Mostrar los ajustes vigentes en este servidor
cmd-config-set = cambiar
    .description = Cambiar un ajuste (p. ej. clave `decay.recent_half_life_days`, valor `45`)
cmd-config-set-key = clave
    .description = El ajuste a cambiar, como lo muestra /config view (clave con puntos)
cmd-config-set-value = valor
    .description = Nuevo valor (TOML: 45, 0.5, true, "texto", ["a", "b"])
cmd-config-preview = vista-previa
    .description = Qué cambiarían unos ajustes, recalculado sobre el registro de este servidor; no cambia nada
cmd-config-preview-changes = cambios
    .description = Ajustes a probar: key=value key2=value2
cmd-config-api-token = token-api
    .description = Tokens para la API web de solo lectura (/api/v1/g/<id del servidor>/...)
cmd-config-api-token-create = crear
    .description = Crear un token de API; se muestra una sola vez y solo a ti
cmd-config-api-token-create-name = nombre
    .description = Un nombre para reconocerlo y revocarlo (p. ej. dashboard)
cmd-config-api-token-revoke = revocar
    .description = Revocar un token de API por su nombre
cmd-config-api-token-revoke-name = nombre
    .description = El nombre del token (ver /config api-token list)
cmd-config-api-token-list = lista
    .description = Listar los tokens de API de este servidor (nombres y fechas, nunca los tokens)

cmd-adjust = ajustar
    .description = Sumar o restar al saldo de un miembro, con un motivo (queda en el registro)
cmd-adjust-member = miembro
    .description = De quién ajustar el saldo
cmd-adjust-amount = cantidad
    .description = Puntos a sumar (negativo para restar)
cmd-adjust-reason = motivo
    .description = Por qué (queda en el registro)
