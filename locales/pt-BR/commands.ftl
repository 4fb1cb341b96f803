# Nomes e descrições dos comandos (veja src/discord/commands/localize.rs).

cmd-balance = saldo
    .description = O capital social de um membro: saldo, reputação, nível, tendência e aviso de desgaste
cmd-balance-member = membro
    .description = De quem mostrar o saldo (padrão: o seu)

cmd-standings = classificação
    .description = A classificação do servidor por reputação (ou o que foi ganho nesta semana ou neste mês)
cmd-standings-page = página
    .description = Página da classificação (padrão: 1)
cmd-standings-period = período
    .description = semana ou mês: o que foi ganho nele (padrão: tudo, a reputação)
cmd-standings-period-week = semana
cmd-standings-period-month = mês
cmd-standings-period-all = tudo
cmd-standings-at = data
    .description = Uma semana ou um mês passado: 2026-10, 2026-W44 ou uma data (com período)

cmd-history = histórico
    .description = Os últimos lançamentos de um membro, com links para as mensagens que os geraram
cmd-history-member = membro
    .description = De quem mostrar o histórico (padrão: o seu)

cmd-why = por-que
    .description = Por que a reputação mudou: desgaste e cada tipo de lançamento, somando a mudança
cmd-why-member = membro
    .description = A reputação de quem (padrão: a sua)
cmd-why-since = desde
    .description = Desde quando: uma data (2026-11-23) ou dias atrás (7); padrão 7 dias

cmd-kudos = kudos
    .description = Agradecer publicamente a um membro com kudos (alguns por dia)
cmd-kudos-member = membro
    .description = Quem merece os kudos
cmd-kudos-reason = motivo
    .description = Pelo quê

cmd-mydata = meus-dados
    .description = Baixar tudo o que o Goodwill guarda sobre você neste servidor (JSON)

cmd-optout = sair
    .description = Parar de me acompanhar e apagar meus lançamentos neste servidor

cmd-optin = participar
    .description = Voltar a me acompanhar depois de /optout

cmd-warnings = avisos
    .description = Receber uma mensagem direta quando sua reputação estiver prestes a cair de nível
cmd-warnings-dm = dm
    .description = on: me avise antes de eu cair de nível (uma vez por queda); off: parar
cmd-warnings-dm-on = ligado
cmd-warnings-dm-off = desligado

cmd-unsolved = sem-solução
    .description = Perguntas abertas sem solução, as mais antigas primeiro: onde falta ajuda
cmd-unsolved-channel = canal
    .description = Só este canal ou fórum

cmd-appeal = recorrer
    .description = Contestar um dos seus lançamentos (o # está em /history); um moderador analisa
cmd-appeal-entry = lançamento
    .description = O número do lançamento, como /history mostra (#123)
cmd-appeal-reason = motivo
    .description = Por que está errado

cmd-review = revisar
    .description = Analisar recursos: listar, aceitar (estorna o lançamento) ou rejeitar
cmd-review-list = listar
    .description = Recursos abertos, os mais antigos primeiro
cmd-review-accept = aceitar
    .description = Aceitar um recurso: o lançamento é estornado (auditado) e o membro avisado
cmd-review-accept-appeal = recurso
    .description = O número do recurso
cmd-review-accept-note = nota
    .description = Uma nota para o membro e para a auditoria
cmd-review-reject = rejeitar
    .description = Rejeitar um recurso: o lançamento fica e o membro fica sabendo o porquê
cmd-review-reject-appeal = recurso
    .description = O número do recurso
cmd-review-reject-note = nota
    .description = Por quê (o membro é avisado)

cmd-vacation = férias
    .description = Pausar seu desgaste por alguns dias (moderadores: encerrar as férias de alguém)
cmd-vacation-days = dias
    .description = Dias fora (no máximo vacation.max_days); sua reputação não se desgasta enquanto isso
cmd-vacation-end = encerrar
    .description = Moderadores: encerrar agora as férias deste membro

cmd-mark_solution = Marcar como solução
    .description = Marcar esta mensagem como a resposta que resolveu a pergunta

cmd-report = relatório
    .description = Doadores, tomadores, equilibrados, membros quietos, riscos de desgaste e variações
cmd-report-window = janela
    .description = Janela em dias (padrão: 90)

cmd-config = configuração
    .description = Ver ou mudar as configurações do Goodwill neste servidor
cmd-config-view = ver
    .description = Mostrar as configurações em vigor neste servidor
cmd-config-set = definir
    .description = Mudar uma configuração (ex.: chave `decay.recent_half_life_days`, valor `45`)
cmd-config-set-key = chave
    .description = A configuração a mudar, como /config view mostra (chave com pontos)
cmd-config-set-value = valor
    .description = Novo valor (TOML: 45, 0.5, true, "texto", ["a", "b"])
cmd-config-preview = prévia
    .description = O que algumas configurações mudariam, recalculado no registro deste servidor; não muda nada
cmd-config-preview-changes = mudanças
    .description = Configurações a testar: key=value key2=value2
cmd-config-api-token = token-api
    .description = Tokens para a API web somente leitura (/api/v1/g/<id do servidor>/...)
cmd-config-api-token-create = criar
    .description = Criar um token de API; ele aparece uma única vez, só para você
cmd-config-api-token-create-name = nome
    .description = Um nome para reconhecê-lo e revogá-lo (ex.: dashboard)
cmd-config-api-token-revoke = revogar
    .description = Revogar um token de API pelo nome
cmd-config-api-token-revoke-name = nome
    .description = O nome do token (veja /config api-token list)
cmd-config-api-token-list = listar
    .description = Listar os tokens de API deste servidor (nomes e datas, nunca os tokens)

cmd-adjust = ajustar
    .description = Somar ou tirar do saldo de um membro, com um motivo (fica no registro)
cmd-adjust-member = membro
    .description = De quem ajustar o saldo
cmd-adjust-amount = quantidade
    .description = Pontos a somar (negativo para tirar)
cmd-adjust-reason = motivo
    .description = Por quê (fica no registro)
