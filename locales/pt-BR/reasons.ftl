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
reason-note-ask-since-help = pergunta nº { $k } em { $hours } h desde a última vez que ajudou
reason-note-audience = audiência ×{ $factor }

# As evidências da detecção. Palavras citadas, nomes, emoji, links e nomes
# de canal vêm da mensagem e ficam como estão.
reason-ev-thanks = { $matched }; { $found }
reason-ev-matched = detectado “{ $words }”
reason-ev-quoted = “{ $words }”
reason-ev-target-mention = destinatário @{ $who } por menção
reason-ev-target-name-near = destinatário “{ $who }” pelo nome junto ao agradecimento ({ $how })
reason-ev-target-name-in-text = destinatário “{ $who }” pelo nome no texto ({ $how })
reason-ev-target-reply = destinatário { $who } pela resposta direta
reason-ev-target-conversation = destinatário { $who } pela conversa ({ $how })
reason-ev-name-exact = exato
reason-ev-name-normalized = ignorando maiúsculas e pontuação
reason-ev-name-core = apelido sem o sufixo
reason-ev-name-prefix = início único
reason-ev-name-typo = um erro de digitação
reason-ev-partner-last-message = a última mensagem de quem agradeceu foi para essa pessoa
reason-ev-partner-latest-exchange = última troca com quem agradeceu
reason-ev-partner-answered-since = respondeu a quem agradeceu desde a última mensagem dessa pessoa
reason-ev-partner-right-after = respondeu ao pedido de quem agradeceu logo em seguida
reason-ev-partner-answered = respondeu a quem agradeceu
reason-ev-thanks-cause = agradece “graças a” algo e não cita nenhum membro
reason-ev-thanks-group = dirigido a um grupo (“{ $words }”)
reason-ev-thanks-unknown-name = “{ $name }” não escreveu recentemente no canal
reason-ev-thanks-no-target = sem menção, resposta, nome nem troca recente
reason-ev-thanks-anticipatory = com “{ $words }”
reason-ev-thanks-end-of-request = no fim de um pedido
reason-ev-thanks-talk = “{ $words }” fala sobre agradecer
reason-ev-question = pergunta “{ $words }?”
reason-ev-question-form = forma de pergunta “{ $words }…”
reason-ev-in-help-channel = { $ask } (canal de ajuda #{ $channel })
reason-ev-problem = problema “{ $words }” no canal de ajuda #{ $channel }
reason-ev-invite-link = link de convite “{ $link }”
reason-ev-promo-channel-link = link no canal de divulgação #{ $channel }
reason-ev-promo-channel-attachment = anexo no canal de divulgação #{ $channel }
reason-ev-link = link { $link }
reason-ev-attachments = { $n ->
    [one] { $n } anexo
   *[other] { $n } anexos
}
reason-ev-role-pings = { $n ->
    [one] { $n } menção de cargo
   *[other] { $n } menções de cargo
}
reason-ev-broadcast = { $pings }; fator de audiência { $factor }
reason-ev-reaction = reação { $emoji } de { $by }
reason-ev-reaction-on-message = reação { $emoji } de { $by } na mensagem de { $author }
reason-ev-reaction-on-thanks-nobody = reação { $emoji } de { $by } numa mensagem de agradecimento que não credita ninguém
reason-ev-reaction-on-thanks = reação { $emoji } de { $by } numa mensagem de agradecimento; credita quem ela agradecia
reason-ev-reaction-on-shared = reação { $emoji } de { $by } em conteúdo compartilhado
