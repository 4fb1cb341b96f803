# Motivos dos lançamentos, como os membros os leem em /history e /why.

reason-adjusted = ajustado pelo moderador { $moderator }: { $why }
reason-reversal = estorna o lançamento #{ $entry } ({ $kind }): { $why }
reason-vested-asker = crédito retido liberado: este lançamento ({ $kind }) de { $at } foi registrado quando a conta de quem perguntou era nova; desde então ela interagiu com { $others } outros membros estabelecidos
reason-vested-giver = crédito retido liberado: este lançamento ({ $kind }) de { $at } foi registrado quando a conta de quem agradeceu era nova; desde então ela interagiu com { $others } outros membros estabelecidos
reason-mutual = troca mútua com { $member }: os dois ganham +{ $bonus } ({ $share } do crédito)

reason-helped-answered = ajudou em { $conversation }; respondeu à pessoa; ajudante nº { $nth } nela
reason-helped-in-thread = ajudou em { $conversation }; respondeu no tópico dela; ajudante nº { $nth } nela
reason-helped-answered-back = ajudou em { $conversation }; a pessoa respondeu de volta; ajudante nº { $nth } nela
reason-helped-thanked = ajudou em { $conversation }; a pessoa agradeceu; ajudante nº { $nth } nela
reason-answered = { $conversation }; respondida primeiro por { $by }; perguntou: { $asked }
reason-solution-opener = solução aceita para { $conversation }; marcada por quem perguntou
reason-solution-moderator = solução aceita para { $conversation }; marcada pelo moderador { $moderator }
reason-solution-tagged = solução aceita para { $conversation }; a tag Resolvido do fórum aplicada à mão; a última resposta nela
reason-kudos = /kudos: { $text }

reason-conv-question = pergunta de { $opener }, conversa { $id } aberta em { $at }
reason-conv-question-in = pergunta de { $opener }, conversa { $id } aberta em { $at } em #{ $channel }
reason-conv-conversation = conversa de { $opener }, conversa { $id } aberta em { $at }
reason-conv-conversation-in = conversa de { $opener }, conversa { $id } aberta em { $at } em #{ $channel }

reason-undo-deleted = mensagem apagada em { $at }
reason-undo-edited = mensagem editada
reason-undo-reaction = reação removida
reason-undo-solution-moved = a solução passou para outra mensagem
reason-undo-appeal = recurso #{ $appeal } aceito pelo moderador { $moderator }
reason-undo-appeal-note = recurso #{ $appeal } aceito pelo moderador { $moderator }: { $note }

reason-trust-tenure = { $tenure } d de casa, reputação { $standing }
reason-trust-none = ainda sem lançamento próprio

reason-note-pair-repeat = repetição nº { $n } para este par ×{ $factor }
reason-note-pair-repeat-mutual = repetição nº { $n } para este par, sem amortecimento: a ajuda foi nos dois sentidos
reason-note-giver-weight = peso de quem dá ×{ $weight }
reason-note-new-giver = doador novo ({ $why }) ×{ $trust }
reason-note-over-budget = crédito nº { $n } do doador em 24 h, acima do orçamento de { $budget } ×{ $factor }
reason-note-closed-group = grupo fechado: o crédito volta ao doador por meio de outros (um ciclo de { $members } membros), { $outside } doador(es) de fora em { $days } d ×{ $factor }
reason-note-answer-bonus = bônus de resposta +{ $bonus }
reason-note-follows-help = vem depois de uma ajuda
reason-note-unverified = nenhuma ajuda do receptor ao doador vista em { $hours } h ×{ $factor }
reason-note-held-asker = a conta de quem perguntou é nova ({ $age } d): +{ $held } a mais retido até ela interagir com { $partners } outros membros estabelecidos (expira após { $days } d)
reason-note-held-giver = a conta do doador é nova ({ $age } d): +{ $held } a mais retido até ela interagir com { $partners } outros membros estabelecidos (expira após { $days } d)
reason-note-shared = dividido com ajudantes anteriores ×{ $share }
reason-note-help-repeat = ajuda nº { $n } a este membro em { $days } d ×{ $factor }
reason-note-help-repeat-mutual = ajuda nº { $n } a este membro, sem amortecimento: a ajuda foi nos dois sentidos
reason-note-new-asker-life = a conta de quem perguntou é nova ({ $age } d), mas interagiu com { $others } outros membros estabelecidos: crédito integral
reason-note-new-asker-now = a conta de quem perguntou é nova ({ $age } d; { $why }) ×{ $trust } por enquanto
reason-note-new-asker = a conta de quem perguntou é nova ({ $age } d; { $why }) ×{ $trust }
reason-note-ask = pergunta nº { $k } em { $hours } h
reason-note-audience = audiência ×{ $factor }
