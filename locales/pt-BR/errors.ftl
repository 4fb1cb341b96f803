# Erros que um membro ou moderador pode corrigir: valores de opção inválidos
# (`option-…`, depois de "`opção`: "). Os valores chegam como texto.

## Valores de opção (src/options/problem.rs)
option-amount = { $value } não é permitido; informe uma quantidade de pontos de { $min } a { $max }, negativa para retirar (ex.: 5 ou -2.5)
option-length = escreva de { $min } a { $max } caracteres (este tem { $got })
option-control-char = contém o caractere de controle { $code }; remova-o
option-not-member-id = { $id } não é um ID de membro do Discord; escolha um membro deste servidor
option-member-empty = vazio; informe o ID, o nome ou uma menção de um membro
option-member-too-long = mais de 200 caracteres; informe o ID, o nome ou uma menção de um membro
option-member-nul = contém um caractere NUL; informe o ID, o nome ou uma menção de um membro
option-range-page = { $value } está fora do intervalo; informe um número de página de { $lo } a { $hi }
option-range-days = { $value } está fora do intervalo; informe um número de dias de { $lo } a { $hi }
option-range-entries = { $value } está fora do intervalo; informe um número de registros de { $lo } a { $hi }
option-since-days = { $days } dias está fora do intervalo; informe de 1 a { $max } dias
option-not-a-date = { $value } não é uma data; informe uma data como 2026-11-23 ou um número de dias como 7
option-date-fix = informe uma data como 2026-11-23 ou um número de dias como 7
option-not-past = isso não está no passado; informe uma data anterior
option-too-long-ago = isso foi há mais de { $max } dias; informe uma data mais recente
option-key-empty = vazio; informe uma configuração como /config view mostra, ex.: decay.recent_half_life_days
option-not-a-key = { $value } não é um nome de configuração; informe uma chave com pontos como /config view mostra, ex.: decay.recent_half_life_days
option-value-empty = vazio; informe um valor TOML: 45, 0.5, true, "texto" ou ["a", "b"]
option-value-too-long = mais de { $max } caracteres; informe um valor mais curto
option-value-nul = contém um caractere NUL; remova-o

## Pedidos recusados (src/capital/refusal.rs); os valores já chegam entre aspas
refusal-unknown-member = membro { $query } desconhecido neste servidor (informe um ID, um nome ou uma menção)
refusal-ambiguous-member = { $query } corresponde a vários membros: { $matches }; informe um ID
refusal-period-needed = aqui o período deve ser week ou month
refusal-bad-at = at: at deve ser um mês como 2026-10, uma semana como 2026-W44 ou uma data como 2026-10-14, não { $value }
refusal-at-needs-period = at: at precisa do período week ou month
refusal-bad-zone = { $value } não é um nome de fuso horário IANA (ex.: Europe/Berlin, UTC)
refusal-no-changes = informe pelo menos um chave=valor para testar
refusal-section = { $key } é uma seção; informe uma chave dentro dela
refusal-unknown-setting = configuração { $key } desconhecida; veja as chaves em /config view
refusal-not-valid-config = não é uma configuração válida: { $detail }
refusal-assign-expected = configuração inválida: esperava-se chave=valor (ex.: decay.recent_half_life_days=45), recebido { $word }
refusal-assign-none = configuração inválida: informe pelo menos um chave=valor, ex.: decay.recent_half_life_days=45
refusal-assign-no-value = configuração inválida: { $key }= não tem valor
refusal-search-length = pesquise de 1 a 100 caracteres de um nome
refusal-since-not-before = `since` deve ser antes de agora: informe uma data no passado (AAAA-MM-DD)
refusal-token-name = um nome de token tem de 1 a 40 letras, dígitos, espaços, '-', '_' ou '.' (ex.: dashboard)
refusal-token-exists = este servidor já tem um token chamado { $name }: revogue-o primeiro ou escolha outro nome
refusal-no-such-token = este servidor não tem um token de API chamado { $name } (veja /config api-token list)
