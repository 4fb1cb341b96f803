# /history と /why でメンバーが読む台帳の理由。

reason-adjusted = モデレーター { $moderator } による調整: { $why }
reason-reversal = 記録 #{ $entry }（{ $kind }）の取り消し: { $why }
reason-vested-asker = 保留されていたクレジットを確定: { $at } のこの記録（{ $kind }）は質問者のアカウントが新しいときに書かれました。質問者はその後、ほかの定着したメンバー { $others } 人とやり取りしています
reason-vested-giver = 保留されていたクレジットを確定: { $at } のこの記録（{ $kind }）は贈り手のアカウントが新しいときに書かれました。贈り手はその後、ほかの定着したメンバー { $others } 人とやり取りしています
reason-mutual = { $member } との相互のやり取り: 双方に +{ $bonus }（クレジットの { $share }）

reason-helped-answered = { $conversation } を手伝った。相手に回答した。この中で { $nth } 人目の協力者
reason-helped-in-thread = { $conversation } を手伝った。相手のスレッドで回答した。この中で { $nth } 人目の協力者
reason-helped-answered-back = { $conversation } を手伝った。相手が返信した。この中で { $nth } 人目の協力者
reason-helped-thanked = { $conversation } を手伝った。相手がお礼を言った。この中で { $nth } 人目の協力者
reason-answered = { $conversation }。最初の回答者: { $by }。質問: { $asked }
reason-solution-opener = { $conversation } の解決策として承認。質問者本人がマーク
reason-solution-moderator = { $conversation } の解決策として承認。モデレーター { $moderator } がマーク
reason-solution-tagged = { $conversation } の解決策として承認。フォーラムの「解決済み」タグが手動で付けられ、最後の回答者が対象
reason-kudos = /kudos: { $text }

reason-conv-question = { $opener } さんの質問（会話 { $id }、{ $at } 開始）
reason-conv-question-in = #{ $channel } の { $opener } さんの質問（会話 { $id }、{ $at } 開始）
reason-conv-conversation = { $opener } さんの会話（会話 { $id }、{ $at } 開始）
reason-conv-conversation-in = #{ $channel } の { $opener } さんの会話（会話 { $id }、{ $at } 開始）

reason-undo-deleted = { $at } にメッセージが削除されました
reason-undo-edited = メッセージが編集されました
reason-undo-reaction = リアクションが外されました
reason-undo-solution-moved = 解決策が別のメッセージに移りました
reason-undo-appeal = 異議申し立て #{ $appeal } がモデレーター { $moderator } により承認されました
reason-undo-appeal-note = 異議申し立て #{ $appeal } がモデレーター { $moderator } により承認されました: { $note }

reason-trust-tenure = 在籍 { $tenure } 日、スタンディング { $standing }
reason-trust-none = 自分の記録がまだない

reason-note-pair-repeat = この組み合わせで { $n } 回目 ×{ $factor }
reason-note-pair-repeat-mutual = この組み合わせで { $n } 回目、減衰なし: 助け合いは双方向
reason-note-giver-weight = 贈り手の重み ×{ $weight }
reason-note-new-giver = 新しい贈り手（{ $why }）×{ $trust }
reason-note-over-budget = 贈り手の 24 時間で { $n } 件目のクレジット、上限 { $budget } 件を超過 ×{ $factor }
reason-note-closed-group = 閉じたグループ: クレジットがほかの人を経由して贈り手に戻っている（{ $members } 人の輪）、{ $days } 日間で外部の贈り手 { $outside } 人 ×{ $factor }
reason-note-answer-bonus = 回答ボーナス +{ $bonus }
reason-note-follows-help = 手助けの後
reason-note-unverified = { $hours } 時間以内に受け手から贈り手への手助けが見られない ×{ $factor }
reason-note-held-asker = 質問者のアカウントは新しい（作成 { $age } 日）: ほかの定着したメンバー { $partners } 人とやり取りするまで +{ $held } を保留（{ $days } 日で失効）
reason-note-held-giver = 贈り手のアカウントは新しい（作成 { $age } 日）: ほかの定着したメンバー { $partners } 人とやり取りするまで +{ $held } を保留（{ $days } 日で失効）
reason-note-shared = 先の協力者と分け合い ×{ $share }
reason-note-help-repeat = このメンバーへの { $days } 日間で { $n } 回目の手助け ×{ $factor }
reason-note-help-repeat-mutual = このメンバーへの { $n } 回目の手助け、減衰なし: 助け合いは双方向
reason-note-new-asker-life = 質問者のアカウントは新しい（作成 { $age } 日）が、ほかの定着したメンバー { $others } 人とやり取りしている: 満額
reason-note-new-asker-now = 質問者のアカウントは新しい（作成 { $age } 日、{ $why }）今は ×{ $trust }
reason-note-new-asker = 質問者のアカウントは新しい（作成 { $age } 日、{ $why }）×{ $trust }
reason-note-ask = { $hours } 時間で { $k } 件目の質問
reason-note-ask-since-help = 最後に手伝ってから { $hours } 時間で { $k } 件目の質問
reason-note-audience = 対象人数 ×{ $factor }

# 検出の根拠。引用された語、名前、絵文字、リンク、チャンネル名はメッセージ
# のものなので、そのまま表示する。
reason-ev-thanks = { $matched }。{ $found }
reason-ev-matched = 「{ $words }」に一致
reason-ev-quoted = 「{ $words }」
reason-ev-target-mention = メンションにより対象は @{ $who }
reason-ev-target-name-near = お礼のすぐ近くの名前により対象は「{ $who }」（{ $how }）
reason-ev-target-name-in-text = 本文中の名前により対象は「{ $who }」（{ $how }）
reason-ev-target-reply = 返信先により対象は { $who }
reason-ev-target-conversation = 会話により対象は { $who }（{ $how }）
reason-ev-name-exact = 完全一致
reason-ev-name-normalized = 大文字小文字と記号を無視して一致
reason-ev-name-core = 接尾辞を除いたニックネームで一致
reason-ev-name-prefix = 一意な前方一致
reason-ev-name-typo = 1 文字違い
reason-ev-partner-last-message = お礼を言った人の直前のメッセージがこの人宛て
reason-ev-partner-latest-exchange = お礼を言った人との直近のやり取り
reason-ev-partner-answered-since = お礼を言った人の前回のメッセージ以降に回答した
reason-ev-partner-right-after = お礼を言った人の依頼の直後に回答した
reason-ev-partner-answered = お礼を言った人に回答した
reason-ev-thanks-cause = 「〜のおかげ」という形で、メンバーを挙げていない
reason-ev-thanks-group = グループ宛て（「{ $words }」）
reason-ev-thanks-unknown-name = 「{ $name }」は最近このチャンネルで発言していない
reason-ev-thanks-no-target = メンション、返信、名前、最近のやり取りのいずれもない
reason-ev-thanks-anticipatory = 「{ $words }」を含む
reason-ev-thanks-end-of-request = 依頼の末尾にある
reason-ev-thanks-talk = 「{ $words }」はお礼についての話
reason-ev-question = 質問「{ $words }?」
reason-ev-question-form = 質問の形「{ $words }…」
reason-ev-in-help-channel = { $ask }（ヘルプチャンネル #{ $channel }）
reason-ev-problem = ヘルプチャンネル #{ $channel } での問題「{ $words }」
reason-ev-invite-link = 招待リンク「{ $link }」
reason-ev-promo-channel-link = 宣伝チャンネル #{ $channel } のリンク
reason-ev-promo-channel-attachment = 宣伝チャンネル #{ $channel } の添付ファイル
reason-ev-link = リンク { $link }
reason-ev-attachments = 添付ファイル { $n } 件
reason-ev-role-pings = ロールへのメンション { $n } 件
reason-ev-broadcast = { $pings }。対象人数の係数 { $factor }
reason-ev-reaction = { $by } さんのリアクション { $emoji }
reason-ev-reaction-on-message = { $author } さんのメッセージへの { $by } さんのリアクション { $emoji }
reason-ev-reaction-on-thanks-nobody = 誰にも加算されなかったお礼メッセージへの { $by } さんのリアクション { $emoji }
reason-ev-reaction-on-thanks = お礼メッセージへの { $by } さんのリアクション { $emoji }。お礼を言われた人に加算
reason-ev-reaction-on-shared = 共有コンテンツへの { $by } さんのリアクション { $emoji }
