# Errores que un miembro o moderador puede corregir: valores de opción no
# válidos (`option-…`, tras "`opción`: "). Los valores llegan como texto.

## Valores de opción (src/options/problem.rs)
option-amount = { $value } no está permitido; indica una cantidad de puntos de { $min } a { $max }, negativa para restar (p. ej. 5 o -2.5)
option-length = escribe de { $min } a { $max } caracteres (este tiene { $got })
option-control-char = contiene el carácter de control { $code }; quítalo
option-not-member-id = { $id } no es un ID de miembro de Discord; elige a un miembro de este servidor
option-member-empty = vacío; indica el ID, el nombre o una mención de un miembro
option-member-too-long = más de 200 caracteres; indica el ID, el nombre o una mención de un miembro
option-member-nul = contiene un carácter NUL; indica el ID, el nombre o una mención de un miembro
option-range-page = { $value } está fuera de rango; indica un número de página de { $lo } a { $hi }
option-range-days = { $value } está fuera de rango; indica un número de días de { $lo } a { $hi }
option-range-entries = { $value } está fuera de rango; indica un número de entradas de { $lo } a { $hi }
option-since-days = { $days } días está fuera de rango; indica de 1 a { $max } días
option-not-a-date = { $value } no es una fecha; indica una fecha como 2026-11-23 o un número de días como 7
option-date-fix = indica una fecha como 2026-11-23 o un número de días como 7
option-not-past = eso no está en el pasado; indica una fecha anterior
option-too-long-ago = eso fue hace más de { $max } días; indica una fecha posterior
option-key-empty = vacío; indica un ajuste como lo muestra /config view, p. ej. decay.recent_half_life_days
option-not-a-key = { $value } no es un nombre de ajuste; indica una clave con puntos como la muestra /config view, p. ej. decay.recent_half_life_days
option-value-empty = vacío; indica un valor TOML: 45, 0.5, true, "texto" o ["a", "b"]
option-value-too-long = más de { $max } caracteres; indica un valor más corto
option-value-nul = contiene un carácter NUL; quítalo

## Peticiones rechazadas (src/capital/refusal.rs); los valores llegan ya entre comillas
refusal-unknown-member = no hay ningún miembro { $query } en este servidor (indica un ID, un nombre o una mención)
refusal-ambiguous-member = { $query } coincide con varios miembros: { $matches }; indica un ID
refusal-period-needed = aquí el periodo debe ser week o month
refusal-bad-at = at: at debe ser un mes como 2026-10, una semana como 2026-W44 o una fecha como 2026-10-14, no { $value }
refusal-at-needs-period = at: at necesita el periodo week o month
refusal-bad-zone = { $value } no es un nombre de zona horaria IANA (p. ej. Europe/Berlin, UTC)
refusal-no-changes = indica al menos un clave=valor para probar
refusal-section = { $key } es una sección; nombra una clave dentro de ella
refusal-unknown-setting = ajuste { $key } desconocido; consulta /config view para ver las claves
refusal-not-valid-config = no es una configuración válida: { $detail }
refusal-assign-expected = ajuste no válido: se esperaba clave=valor (p. ej. decay.recent_half_life_days=45), se recibió { $word }
refusal-assign-none = ajuste no válido: indica al menos un clave=valor, p. ej. decay.recent_half_life_days=45
refusal-assign-no-value = ajuste no válido: { $key }= no tiene valor
refusal-search-length = busca de 1 a 100 caracteres de un nombre
refusal-since-not-before = `since` debe ser anterior a ahora: indica una fecha pasada (AAAA-MM-DD)
refusal-token-name = un nombre de token tiene de 1 a 40 letras, dígitos, espacios, '-', '_' o '.' (p. ej. dashboard)
refusal-token-exists = este servidor ya tiene un token llamado { $name }: revócalo primero o elige otro nombre
refusal-no-such-token = este servidor no tiene ningún token de API llamado { $name } (consulta /config api-token list)
