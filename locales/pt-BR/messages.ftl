# O que os membros leem: respostas, embeds e postagens nos canais.

## /balance
balance-title = Saldo — { $name }
balance-rank = posição nº { $rank }
balance-tier = **{ $tier }** (a partir de { $floor })
balance-next-tier = próximo: { $tier } em { $at }
balance-vacation = 🏖️ De férias até { $date } ({ $relative }): o desgaste está pausado e não há avisos de desgaste enquanto isso.
balance-falls-below = Cai abaixo de { $tier } em { $date } ({ $relative }) sem novas contribuições.
balance-advice = Continua { $tier } com cerca de { $thanks } agradecimentos recebidos a mais antes de { $date }.
balance-no-decay = Sem aviso de desgaste: a reputação continua neste nível.
balance-field-standing = Reputação
balance-field-tier = Nível
balance-field-trend = Tendência (7 dias)
balance-field-recent = Recente
balance-field-lasting = Duradoura
balance-field-headroom = Margem
balance-headroom = { $count ->
    [one] { $count } pergunta antes de ficar negativo
   *[other] { $count } perguntas antes de ficar negativo
}
balance-field-solutions = Soluções
balance-solutions = { $count ->
    [0] nenhuma aceita ainda
    [one] **1** resposta aceita como solução
   *[other] **{ $count }** respostas aceitas como solução
}
balance-field-decay = Desgaste
balance-footer = { $count ->
    [one] { $count } lançamento
   *[other] { $count } lançamentos
} · /history para os detalhes
balance-opted-out = Sem acompanhamento (você saiu). `/optin` para voltar.

## /standings
standings-title = Classificação
standings-empty = Ainda não há ninguém na classificação.
standings-row = `#{ $rank }` **{ $name }** — { $standing } · { $tier } (recente { $recent }, duradoura { $lasting })
standings-footer = Página { $page } de { $pages } · { $members } membros
standings-prev = ◀ Anterior
standings-next = Próxima ▶
standings-at-needs-period = at indica uma semana ou um mês passado: informe period:week ou period:month junto

## Classificações por período e vencedores
board-empty = Ninguém ganhou nada neste período.
board-row = `#{ $rank }` { $medal }**{ $name }** — ganhou { $earned } · reputação { $standing } ({ $tier })
board-title-winners = 🏆 Vencedores { $period ->
    [week] da semana
   *[other] do mês
} { $label }
board-title-archive = { $period ->
    [week] Semana
   *[other] Mês
} { $label } (arquivo)
board-title-current = { $period ->
    [week] Esta semana
   *[other] Este mês
} ({ $label })
board-footer = de { $from } a { $to } ({ $zone }) · ganho no período, reputação atual

## /history
history-title = Histórico — { $name }
history-empty = Ainda não há lançamentos.
history-message = mensagem
history-solution = ✅ solução
history-footer = os últimos { $count } lançamentos

## /why
why-title = Por quê — { $name }
why-head = **{ $from } → { $to }** ({ $change }) desde { $since }
why-decay-loss = desgaste (o capital some quando nada novo entra)
why-decay-debt = desgaste (uma dívida também some)
why-written = (lançado { $amount }, desgastado desde então)
why-more = … (mais tipos: veja /history)
why-nothing = Nada mudou: nenhum lançamento e nenhum desgaste neste período.
why-small = Contou pouco
why-small-row = { $date } { $kind } { $amount } de { $base }: { $why }
why-footer = Cada lançamento vale o que vale hoje (após seu próprio desgaste); as linhas somam a mudança.

## Tipos de lançamento
kind-thanks = agradecimentos recebidos
kind-thank-reaction = reações de agradecimento
kind-helpful-reply = ajuda dada
kind-shared-content = compartilhamentos úteis
kind-kudos = kudos
kind-request = perguntas respondidas (perguntar custa)
kind-self-promotion = autopromoção
kind-broadcast = menções em massa
kind-reciprocity = bônus de ajuda mútua
kind-reversal = estornos (mensagens apagadas ou editadas, reações removidas, soluções trocadas)
kind-adjustment = ajustes de moderadores
kind-solution = soluções aceitas

## /kudos
kudos-given = 🙌 <@{ $giver }> deu kudos para <@{ $receiver }> (+{ $amount }): { $reason }
kudos-left = -# restam { $remaining } kudos hoje
kudos-cap = Você já deu seus { $cap } kudos de hoje; pode dar mais { $when }.
kudos-self = Kudos são para outra pessoa, não para você.
kudos-bot = Bots não colecionam kudos.
kudos-opted-out = Não dá para registrar os kudos: você ou a outra pessoa saiu do acompanhamento.
kudos-already = Esses kudos já foram registrados.

## /mydata, /optout, /optin, /warnings
mydata-summary = Seus dados neste servidor: { $entries } lançamentos e os metadados de { $messages } mensagens (o conteúdo nunca é guardado). `/optout` apaga tudo.
optout-warning = Isto apaga todos os lançamentos sobre você neste servidor e para de te acompanhar até você usar `/optin`. Não dá para desfazer.
optout-confirm = Apagar meus dados e parar o acompanhamento
optout-cancel = Cancelar
optin-done = Acompanhamento ligado: sua ajuda e seus agradecimentos voltam a contar a partir de agora.
warnings-on = Os avisos de desgaste por DM estão **ligados**: o bot te escreve uma vez quando sua reputação estiver prestes a cair de nível, com o que evitaria isso. Deixe as DMs de membros do servidor abertas.
warnings-server-off = Anotado, mas este servidor desligou os avisos de desgaste por DM (`digest.dm_opt_in`); você vai recebê-los se os moderadores ligarem.
warnings-off = Os avisos de desgaste por DM estão **desligados**.

## /vacation
vacation-both = Informe `days` (suas férias) ou `end` (um moderador encerrando férias), não os dois.
vacation-end-needs-moderator = Encerrar férias exige a permissão Gerenciar servidor.
vacation-ended-log = 🏖️ { $moderator } encerrou as férias de <@{ $member }> (previstas até { $date }): o desgaste recomeça
vacation-ended = As férias de { $name } foram encerradas (estavam previstas até { $date }); o desgaste recomeça agora.
vacation-not-on = { $name } não está de férias.
vacation-started-log = 🏖️ <@{ $member }> está de férias até { $date } (desgaste pausado)
vacation-started = 🏖️ Aproveite! Você está de férias até { $date } ({ $relative }): sua reputação não se desgasta e nenhum aviso de desgaste é enviado enquanto isso.
vacation-refused = Férias não iniciadas: { $why }.
vacation-current = 🏖️ Você está de férias até { $date } ({ $relative }).
vacation-none = Você não está de férias. `/vacation days:7` pausa seu desgaste por uma semana.

## /appeal
appeal-filed = Recurso nº { $appeal } aberto para o lançamento #{ $entry }. Um moderador vai analisar; você receberá a decisão por mensagem direta.
appeal-no-entry = Não existe o lançamento #{ $entry } neste servidor. `/history` mostra os números dos seus lançamentos.
appeal-not-yours = Você só pode recorrer dos seus próprios lançamentos.
appeal-not-appealable = Não é possível recorrer do lançamento #{ $entry }: { $why }.
appeal-already = Já existe recurso para o lançamento #{ $entry }.
appeal-dm-accepted = Seu recurso nº { $appeal } foi **aceito**: o lançamento #{ $entry } ({ $kind }) foi estornado.
appeal-dm-rejected = Seu recurso nº { $appeal } foi **rejeitado**: o lançamento #{ $entry } ({ $kind }) continua valendo.
appeal-dm-note = Nota do moderador: { $note }

## /unsolved
unsolved-none = Nada em aberto: toda pergunta feita aqui nos últimos { $days } dias tem uma resposta marcada ou um agradecimento. 🎉
unsolved-answers = { $count ->
    [0] nenhuma resposta ainda
    [one] 1 membro respondeu
   *[other] { $count } membros responderam
}
unsolved-row = • [Pergunta de { $name }]({ $link }){ $place } · feita { $when } · { $answers }
unsolved-place = { " " }em #{ $channel }
unsolved-more = … e mais { $count } (as mais antigas primeiro)
unsolved-title-in = Sem solução em #{ $channel }
unsolved-title = Perguntas sem solução
unsolved-footer = { $open } abertas · feitas nos últimos { $days } dias · quem perguntou marca a resposta que resolveu: clique direito → Apps → Marcar como solução

## Erros e recusas
error-unavailable = o banco de dados do registro está indisponível agora; tente de novo daqui a pouco
error-database = Algo deu errado ao ler o registro; o erro está no log do bot.
error-internal = Algo deu errado; o erro está no log do bot.
error-moderators-only = `/{ $command }` é para moderadores: você precisa da permissão **Gerenciar servidor**.
error-guild-only = Este comando funciona em um servidor, não em mensagens diretas.
error-parse-input = Não foi possível ler `{ $input }`: { $error }
error-parse = Não foi possível ler as opções: { $error }

## Avisos de desgaste: o resumo dos moderadores e a DM para o membro
digest-title = **Avisos de desgaste** — { $count ->
    [one] 1 membro prestes a cair de nível:
   *[other] { $count } membros prestes a cair de nível:
}
digest-row = • <@{ $member }> sai de **{ $tier }** em { $date } (reputação { $standing }, piso { $floor })
digest-advice = continua { $tier } com cerca de { $thanks } agradecimentos recebidos a mais antes de { $date }
warning-dm = Atenção: sua reputação ({ $standing }) cai abaixo do piso de **{ $tier }** ({ $floor }) em { $date } se nada mudar.
warning-dm-advice = Você continua { $tier } com cerca de { $thanks } agradecimentos recebidos a mais antes de { $date }.

## O lembrete em um post quieto, respondido e não resolvido
nudge = <@{ $opener }> as respostas aqui resolveram sua dúvida? Se alguma resolveu, marque-a: clique com o botão direito na mensagem (toque e segure no celular) → **Apps** → **Marcar como solução**. Isso agradece a quem ajudou e mostra aos outros que a pergunta foi respondida.

## Um cargo que o bot não consegue gerenciar
role-which-tier = o cargo **{ $tier }** <@&{ $role }> (id { $role })
role-which = o cargo <@&{ $role }> (id { $role })
role-missing-permissions = ⚠️ Cargos por reputação: o Discord recusou dar ou tirar { $which }: { $problem }. Dê ao bot a permissão **Gerenciar cargos** e arraste o cargo do bot para cima deste cargo em Configurações do servidor → Cargos; depois rode `/config set roles.enabled true` para o bot tentar de novo. Até lá o bot deixa este cargo em paz.
role-missing-access = ⚠️ Cargos por reputação: o bot não consegue acessar os cargos do servidor para gerenciar { $which }: { $problem }. Confira se o bot ainda é membro com a permissão **Gerenciar cargos**; depois rode `/config set roles.enabled true` para o bot tentar de novo. Até lá o bot deixa este cargo em paz.
role-unknown = ⚠️ Cargos por reputação: { $which } não existe mais ({ $problem }). Defina de novo o cargo do nível com `/config set roles.by_tier.{ $key } <id do cargo>` (0 remove). Até lá o bot deixa este cargo em paz.

## Botões
button-not-yours = Este botão é de outra pessoa.
optout-cancelled = Cancelado: nada mudou.
optout-done = { $count ->
    [one] Pronto: 1 lançamento apagado
   *[other] Pronto: { $count } lançamentos apagados
}, e você não é mais acompanhado aqui. `/optin` volta a acompanhar.

## /why, férias dentro do período
why-paused = 🏖️ desgaste pausado por { $days } dias deste período (férias)

## Marcar como solução
solution-marked = ✅ <@{ $marker }> marcou [esta resposta]({ $link }) de <@{ $solver }> como a solução (+{ $amount }).
solution-marked-moved = ✅ <@{ $marker }> marcou [esta resposta]({ $link }) de <@{ $solver }> como a solução (+{ $amount }) (antes era de <@{ $previous }>, cujo crédito foi estornado).
solution-unchanged = Essa resposta já está marcada como a solução: nada mudou.
solution-not-tagged = A solução foi registrada, mas não consegui marcar ou fechar o post: { $error }. Para isso preciso de **Gerenciar threads** neste fórum.
solution-refused-own = Você não pode marcar sua própria mensagem como a solução.
solution-refused-bot = A mensagem de um bot não pode ser a solução.
solution-refused-openers = Essa é a mensagem de quem perguntou: marque a resposta que resolveu.
solution-refused-not-allowed = Só o membro que perguntou, ou um moderador (Gerenciar threads), pode marcar a solução.
solution-refused-outside = Essa mensagem não está em nenhuma conversa que o Goodwill conheça (pode ser anterior ao bot, ou o autor desativou o acompanhamento).

## O canal de registro
appeal-rejected-log = ⚖️ recurso nº { $appeal } de <@{ $member }> sobre o lançamento #{ $entry } rejeitado por { $moderator }: { $note }

## Recusas pelas regras
vacation-refused-days = os dias precisam estar entre 1 e { $max } (vacation.max_days)
vacation-refused-going-on = você já está de férias até { $date }
vacation-refused-cooldown = umas férias a cada { $days } dias (vacation.cooldown_days): as próximas podem começar em { $date }
appeal-why-reversal = é um estorno; recorra do lançamento que ele estorna
appeal-why-reversed = ele já foi estornado
error-rate-limited = Calma: você pode usar os comandos do Goodwill de novo em { $seconds } s.

## Respostas aos moderadores
report-title = Relatório da comunidade — últimos { $days } dias
report-summary = { $members } membros ativos: { $givers } que dão, { $takers } que pedem, { $matchers } equilibrados, { $quiet } quietos.
report-givers = Dão ({ $count })
report-takers = Pedem ({ $count })
report-matchers = Equilibrados ({ $count })
report-quiet = Quietos ({ $count })
report-at-risk = Em risco de desgaste ({ $count })
report-at-risk-row = **{ $name }** { $tier } { $standing } → abaixo de { $floor } { $when }
report-risers = Em alta
report-fallers = Em baixa
report-top-helpers = Quem mais ajuda
report-footer = Tabela completa em report.csv
review-title = Recursos a analisar
review-none = Nenhum recurso aberto.
review-row = **nº { $appeal }** de <@{ $member }>, { $filed } — lançamento #{ $entry } `{ $amount }` { $kind } ({ $date }): { $why }
    > { $reason }
review-more = … há mais: decida estes primeiro
review-footer = /review accept appeal:N [nota] estorna o lançamento · /review reject appeal:N nota
review-accepted = Recurso nº { $appeal } aceito: lançamento #{ $entry } estornado ({ $amount }).
review-rejected = Recurso nº { $appeal } rejeitado: o lançamento #{ $entry } continua valendo.
review-already = O recurso nº { $appeal } já foi decidido ({ $status }).
review-no-appeal = Não existe o recurso nº { $appeal } neste servidor.
adjust-done = <@{ $member }> ajustado em { $amount }: { $reason }
config-updated = Alterado: `{ $change }`
config-in-force = As configurações em vigor neste servidor:
config-whatif-file = E se ({ $changes }): { $count ->
    [one] 1 membro muda de nível
   *[other] { $count } membros mudam de nível
}; nada foi alterado. Todas as linhas estão no arquivo.
token-created = Token de API `{ $name }` criado. Copie agora, ele não aparece de novo:
    ```
    { $token }
    ```
    Use como `Authorization: Bearer <token>` em `/api/v1/g/{ $guild }/...`; revogue com `/config api-token revoke`.
token-revoked = Token de API `{ $name }` revogado.
token-none = Nenhum token de API. Crie um com `/config api-token create`.
token-row = `{ $name }` por <@{ $by }> em { $date }
token-row-used = `{ $name }` por <@{ $by }> em { $date }, usado pela última vez { $used }

## Canal de registro: kudos, ajustes e estornos
log-kudos = 🎉 kudos: { $giver } → { $member } ({ $amount }): { $reason }{ $link }
log-adjustment = 🛠️ ajuste para { $member } ({ $amount }) por { $moderator }: { $reason }
log-a-moderator = um moderador
log-reversal = ↩️ estorno para { $member } ({ $amount }): { $reason }{ $link }

## /config set: por que uma configuração foi recusada
setting-text = { $text }
setting-wants-number = { $key } espera um número (ex.: 2.5)
setting-wants-integer = { $key } espera um número inteiro (ex.: 3)
setting-wants-bool = { $key } espera true ou false
setting-wants-text = { $key } espera um texto entre aspas (ex.: "Europe/Berlin")
setting-wants-list = { $key } espera uma lista entre colchetes (ex.: ["a", "b"] ou [])
setting-wants-date = { $key } espera uma data (ex.: 2026-12-01)
setting-wants-list-of-text = { $key } espera uma lista de palavras entre aspas (ex.: ["valeu", "muito obrigado"])
setting-wants-list-of-numbers = { $key } espera uma lista de números (ex.: [1.5, 2])
setting-wants-list-of-integers = { $key } espera uma lista de números inteiros (ex.: [1, 2])
setting-wants-ids = { $key } espera IDs do Discord: uma lista (ex.: [123, 456]) ou "123, 456"
setting-not-an-id = { $key }: "{ $word }" não é um ID do Discord (separe os IDs por vírgulas, ex.: "123, 456")
setting-between = { $key } deve estar entre { $lo } e { $hi }
setting-between-got = { $key } deve estar entre { $lo } e { $hi } (recebido: { $got })
setting-half-life = { $key } deve ser um número positivo de dias, de 0.1 a 36500
setting-up-to = { $key } deve ser um número de 0 a { $max }
setting-open-fraction = { $key } deve estar em (0, 1]
setting-positive-number = { $key } deve ser um número positivo
setting-positive = { $key } deve ser positivo
setting-non-negative = { $key } deve ser um número não negativo (o sinal vem do tipo)
setting-finite = { $key } deve ser um número finito
setting-giver-weights = é preciso que scoring.giver_weight_min <= giver_weight_base <= giver_weight_max
setting-escalation = scoring.request_escalation e request_escalation_cap devem ser >= 1
setting-no-tiers = é preciso pelo menos um nível
setting-tier-floors = os pisos dos níveis devem crescer: { $tier } depois de { $previous }
setting-detect = detect: { $text }
setting-taker-ratio = report.taker_ratio deve ser menor que report.giver_ratio
setting-weekday = digest.weekday deve ser um de mon tue wed thu fri sat sun
setting-time-zone = time.zone: { $value } não é um nome de fuso horário IANA (ex.: Europe/Berlin, UTC)
setting-board-refresh = board.refresh_minutes deve estar entre 0 e 10080 (uma semana)
setting-locale = locale deve ser auto (o idioma preferido do servidor no Discord) ou um de { $list }; { $value } não é um idioma que o Goodwill fala
setting-nudge-days = forum.nudge_days deve estar entre 0 (desligado) e 3650
setting-unknown-key = configuração desconhecida { $key }; veja as chaves em /config view
setting-section = { $key } é uma seção; informe uma chave dentro dela
setting-not-applied = { $key } = { $value } não foi aplicado: configuração inválida: { $why }; informe um valor do tipo mostrado em /config view
setting-no-such-tier = nenhum nível se chama { $tier }; informe um dos níveis: { $tiers }
setting-overflow = { $key } = { $value } não pode ser aplicado ao registro deste servidor (os saldos estourariam); informe uma meia-vida maior

## Audit log reasons (the server's language)
audit-solved = Goodwill: marcado como resolvido
audit-roles = Goodwill: cargo pela reputação ou por um ranking do período

## Gráfico do /report
chart-scatter-title = Ganho e gasto, últimos { $days } dias
chart-earned = capital ganho (depósitos)
chart-spent = capital gasto (retiradas)
chart-giver = doadores
chart-matcher = equilibrados
chart-taker = tomadores
chart-quiet = quietos
chart-trend-title = Reputação da comunidade ao longo do tempo
chart-trend-y = soma dos membros
chart-standing = reputação
chart-recent = recente
chart-lasting = duradoura

## Tabela do /config preview
whatif-head = E se, para o servidor { $guild } em { $at } (nada foi alterado):
whatif-note = observação: { $note }
whatif-note-detection = { $key }: as configurações de detecção não podem ser reaplicadas ao passado (o texto das mensagens não é guardado); só as mensagens novas seriam afetadas
whatif-note-scoring = depois de aplicadas, as mudanças de pontuação valem para os lançamentos novos (o livro só cresce); as colunas recalculadas mostram o histórico como se elas sempre tivessem valido
whatif-fidelity = fidelidade da reexecução com as configurações atuais: { $fidelity } (0 = a reexecução reproduz o registro salvo)
whatif-moved = { $moved } de { $members } membros mudam; { $tiers } mudam de nível (aplicado ou recalculado).
whatif-col-member = membro
whatif-col-standing = reputação
whatif-col-applied = Δ aplicado
whatif-col-rescored = Δ recalculado
whatif-col-tier = nível (recalculado)
whatif-col-category = categoria (recalculada)

## Páginas web
web-nav-standings = Classificação
web-nav-report = Relatório
web-log-out = Sair
web-forbidden-title = Não é para você
web-forbidden-moderators = Esta página é para os moderadores do servidor (Gerenciar servidor).
web-forbidden-members = Este servidor mostra suas páginas só para os membros.
web-standings-title = { $guild } – classificação
web-standings-heading = { $guild } — classificação
web-as-of = Em { $at }.
web-as-of-short = em { $at }
web-standings-members = { $count ->
    [one] { $count } membro.
   *[other] { $count } membros.
}
web-standings-matches = { $count ->
    [one] { $count } membro encontrado.
   *[other] { $count } membros encontrados.
}
web-search-placeholder = Buscar por nome
web-search = Buscar
web-all-members = Todos os membros
web-col-member = Membro
web-col-standing = Reputação
web-col-recent = Recente
web-col-lasting = Duradoura
web-col-tier = Nível
web-standings-empty = Ninguém aqui.
web-previous = ← Anterior
web-next = Próxima →
web-page-of = Página { $page } de { $pages }
web-stat-standing = reputação
web-stat-recent = recente (memória rápida)
web-stat-lasting = duradoura (memória lenta)
web-stat-rank = posição
web-stat-week = últimos 7 dias
web-stat-solutions = soluções aceitas
web-projection-heading = Os próximos 90 dias se nada for depositado
web-projection-label = Reputação prevista para os próximos 90 dias
web-projection-in90 = A reputação seria { $standing } em 90 dias.
web-projection-falls = Cai abaixo do piso de { $tier } ({ $floor }) em { $date }.
web-next-tier = Próximo nível: { $tier } a partir de { $floor }.
web-history = Histórico
web-col-when = Quando
web-col-what = O quê
web-col-amount = Valor
web-col-with = Com
web-col-why = Por quê
web-someone = alguém
web-jump = Ir
web-history-empty = Ainda não há lançamentos.

## O painel dos moderadores (/g/…/report e o "e se")
web-report-title = Relatório de { $guild }
web-report-heading = { $guild } — relatório dos moderadores
web-report-span = Os últimos { $days } dias até { $at }.
web-report-csv = Baixar CSV
web-report-window = Período (dias)
web-report-show = Mostrar
web-report-givers = Dão
web-report-takers = Pedem
web-report-matchers = Equilibrados
web-report-quiet = Quietos
web-report-risers = Em alta
web-report-fallers = Em baixa
web-report-earned = ganhou { $value }
web-report-spent = gastou { $value }
web-report-nobody = Ninguém.
web-report-at-risk = Em risco de cair de nível
web-report-at-risk-none = Ninguém dentro do horizonte.
web-report-community = Reputação da comunidade
web-report-community-label = Reputação total no período
web-report-earned-spent = Ganho e gasto
web-report-earned-spent-label = Ganho contra gasto por membro
web-report-legend = Verde: dão · vermelho: pedem · azul: equilibrados · cinza: quietos
web-whatif = E se
web-whatif-intro = Teste configurações no registro deste servidor; nada é gravado nem alterado.
web-whatif-settings-label = Configurações, chave=valor
web-whatif-submit = Quem mudaria
web-whatif-heading = E se — { $guild }
web-whatif-back = ← Voltar ao relatório
web-whatif-changes = Mudanças testadas
web-whatif-nothing-written = Nada foi gravado: as configurações em vigor continuam as mesmas.
web-whatif-moved = Quem sai do seu nível
web-whatif-col-now = Agora
web-whatif-col-applied = Aplicado
web-whatif-col-rescored = Recalculado
web-whatif-col-standing = Reputação agora → recalculada
web-whatif-none = Ninguém muda de nível.
web-whatif-too-long = No máximo 2000 caracteres de configurações.

## Páginas de erro e login
web-not-understood = Não entendido
web-not-found-title = Não encontrado
web-not-found = Esta página não existe aqui.
web-unavailable-title = Tente de novo daqui a pouco
web-unavailable = O banco de dados do registro está indisponível agora.
web-failed-title = Algo deu errado
web-failed = Não foi possível gerar a página; o erro está no log do servidor.
web-bad-at = at: informe uma data (2024-11-30) ou um horário RFC 3339
web-too-many = pedidos demais: vá mais devagar
web-login-unavailable-title = Login indisponível
web-login-no-randomness = O servidor está sem fonte de aleatoriedade para uma sessão agora.
web-login-not-set-up-title = O login não está configurado
web-login-not-set-up = Este Goodwill não tem um aplicativo do Discord para logins: o operador define DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET e GOODWILL_PUBLIC_URL.
web-login-failed-title = Falha no login
web-login-discord-said = O Discord respondeu: { $error }. Tente de novo a partir da página que você queria.
web-login-missing = Faltam o código ou o estado no retorno.
web-login-state-mismatch = Este login não foi iniciado neste navegador (estado diferente). Comece de novo.
web-login-expired = Este login expirou ou já foi usado. Comece de novo.
web-login-not-confirmed = O Discord não confirmou o login. Tente de novo daqui a pouco.

## A página inicial ($path e $command aparecem como código)
web-home = Um registro do capital social de cada membro de uma comunidade. As páginas de um servidor ficam em { $path } quando os moderadores as ativam com { $command } (ou members, moderators).
