# メンバーが読むもの：返答、埋め込み、チャンネルへの投稿。

## /balance
balance-title = 残高 — { $name }
balance-rank = { $rank } 位
balance-tier = **{ $tier }**（{ $floor } 以上）
balance-next-tier = 次：{ $tier }（{ $at } から）
balance-vacation = 🏖️ { $date }（{ $relative }）まで休暇中：減衰は一時停止中で、その間は減衰の警告もありません。
balance-falls-below = 新たな貢献がなければ { $date }（{ $relative }）に { $tier } を下回ります。
balance-advice = { $date } までにあと約 { $thanks } 回感謝されれば { $tier } を維持できます。
balance-no-decay = 減衰の警告なし：評価はこのランクにとどまります。
balance-field-standing = 評価
balance-field-tier = ランク
balance-field-trend = 傾向（7日間）
balance-field-recent = 短期
balance-field-lasting = 長期
balance-field-headroom = 余裕
balance-headroom = { $count ->
   *[other] マイナスになるまであと { $count } 回質問できます
}
balance-field-solutions = 解決策
balance-solutions = { $count ->
    [0] まだ採用された回答はありません
   *[other] **{ $count }** 件の回答が解決策として採用
}
balance-field-decay = 減衰
balance-footer = 記録 { $count } 件 · 詳細は /history
balance-opted-out = 記録対象外（オプトアウト中）。再開するには `/optin`。

## /standings
standings-title = ランキング
standings-empty = まだ誰もランキングに載っていません。
standings-row = `#{ $rank }` **{ $name }** — { $standing } · { $tier }（短期 { $recent }、長期 { $lasting }）
standings-footer = { $page } / { $pages } ページ · メンバー { $members } 人
standings-prev = ◀ 前へ
standings-next = 次へ ▶
standings-at-needs-period = at は過去の週または月を指します：period:week か period:month と一緒に指定してください

## 期間ごとのランキングと受賞者
board-empty = この期間に獲得した人はいません。
board-row = `#{ $rank }` { $medal }**{ $name }** — 獲得 { $earned } · 評価 { $standing }（{ $tier }）
board-title-winners = 🏆 { $period ->
    [week] 週間
   *[other] 月間
}受賞者 { $label }
board-title-archive = { $period ->
    [week] 週
   *[other] 月
} { $label }（アーカイブ）
board-title-current = { $period ->
    [week] 今週
   *[other] 今月
}（{ $label }）
board-footer = { $from } から { $to }（{ $zone }）· 期間中の獲得、評価は現在の値

## /history
history-title = 履歴 — { $name }
history-empty = まだ記録はありません。
history-message = メッセージ
history-solution = ✅ 解決策
history-footer = 最新 { $count } 件の記録

## /why
why-title = 理由 — { $name }
why-head = **{ $from } → { $to }**（{ $change }）{ $since } 以降
why-decay-loss = 減衰（新しい貢献がないと資本は薄れていきます）
why-decay-debt = 減衰（負債も薄れていきます）
why-written = （記録時 { $amount }、その後減衰）
why-more = …（ほかの種類：/history を参照）
why-nothing = 変化なし：この期間に記録も減衰もありません。
why-small = 小さく数えられたもの
why-small-row = { $date } { $kind } { $amount }（元 { $base }）：{ $why }
why-footer = 各記録は現時点の価値（それぞれの減衰後）で示しています。合計すると変化量になります。

## 記録の種類
kind-thanks = 受け取った感謝
kind-thank-reaction = 感謝のリアクション
kind-helpful-reply = 手助け
kind-shared-content = 役立つ共有
kind-kudos = 称賛
kind-request = 回答された質問（質問にはコストがかかります）
kind-self-promotion = 自己宣伝
kind-broadcast = 一斉メンション
kind-reciprocity = 助け合いボーナス
kind-reversal = 取り消し（削除・編集されたメッセージ、外されたリアクション、移された解決策）
kind-adjustment = モデレーターによる調整
kind-solution = 採用された解決策

## /kudos
kudos-given = 🙌 <@{ $giver }> さんが <@{ $receiver }> さんに称賛を贈りました（+{ $amount }）：{ $reason }
kudos-left = -# 今日の残り称賛：{ $remaining }
kudos-cap = 今日の称賛 { $cap } 回を使い切りました。{ $when } にまた贈れます。
kudos-self = 称賛は自分ではなく、ほかの人に贈りましょう。
kudos-bot = ボットは称賛を受け取りません。
kudos-opted-out = 称賛を記録できません：あなたか相手が記録をオプトアウトしています。
kudos-already = その称賛はすでに記録されています。

## /mydata, /optout, /optin, /warnings
mydata-summary = このサーバーでのあなたのデータ：記録 { $entries } 件と、メッセージ { $messages } 件のメタデータ（内容は保存されません）。`/optout` で削除できます。
optout-warning = このサーバーでのあなたに関する記録をすべて削除し、`/optin` を使うまで記録を停止します。元に戻すことはできません。
optout-confirm = データを削除して記録を停止
optout-cancel = キャンセル
optin-done = 記録を再開しました：これからはあなたの手助けと感謝がまた数えられます。
warnings-on = DM での減衰の警告は **オン** です：評価がランクを下回りそうなとき、防ぐ方法とともにボットが一度お知らせします。サーバーメンバーからの DM を受け取れるようにしておいてください。
warnings-server-off = 承知しましたが、このサーバーでは減衰警告の DM がオフになっています（`digest.dm_opt_in`）。モデレーターがオンにすれば届きます。
warnings-off = DM での減衰の警告は **オフ** です。

## /vacation
vacation-both = `days`（自分の休暇）か `end`（モデレーターによる休暇の終了）のどちらか一方を指定してください。
vacation-end-needs-moderator = 休暇を終了するには「サーバー管理」の権限が必要です。
vacation-ended-log = 🏖️ { $moderator } さんが <@{ $member }> さんの休暇（{ $date } までの予定）を終了しました：減衰が再開します
vacation-ended = { $name } さんの休暇（{ $date } までの予定）を終了しました。減衰は今から再開します。
vacation-not-on = { $name } さんは休暇中ではありません。
vacation-started-log = 🏖️ <@{ $member }> さんは { $date } まで休暇中です（減衰は一時停止）
vacation-started = 🏖️ 楽しんできてください！{ $date }（{ $relative }）まで休暇です：その間、評価は減衰せず、減衰の警告も送られません。
vacation-refused = 休暇は開始されませんでした：{ $why }。
vacation-current = 🏖️ { $date }（{ $relative }）まで休暇中です。
vacation-none = 休暇中ではありません。`/vacation days:7` で1週間、減衰を一時停止できます。

## /appeal
appeal-filed = 記録 #{ $entry } への異議 #{ $appeal } を受け付けました。モデレーターが審査し、結果はダイレクトメッセージでお知らせします。
appeal-no-entry = このサーバーに記録 #{ $entry } はありません。記録の番号は `/history` で確認できます。
appeal-not-yours = 異議を申し立てられるのは自分の記録だけです。
appeal-not-appealable = 記録 #{ $entry } には異議を申し立てられません：{ $why }。
appeal-already = 記録 #{ $entry } にはすでに異議が申し立てられています。
appeal-dm-accepted = 異議 #{ $appeal } は **承認** されました：記録 #{ $entry }（{ $kind }）は取り消されます。
appeal-dm-rejected = 異議 #{ $appeal } は **却下** されました：記録 #{ $entry }（{ $kind }）はそのままです。
appeal-dm-note = モデレーターからのメモ：{ $note }

## /unsolved
unsolved-none = 未解決なし：過去 { $days } 日間にここで出た質問には、すべて回答のマークか感謝があります。🎉
unsolved-answers = { $count ->
    [0] まだ回答なし
   *[other] { $count } 人が回答
}
unsolved-row = • [{ $name } さんの質問]({ $link }){ $place } · { $when } · { $answers }
unsolved-place = { " " }#{ $channel } にて
unsolved-more = … ほか { $count } 件（古い順に表示）
unsolved-title-in = #{ $channel } の未解決の質問
unsolved-title = 未解決の質問
unsolved-footer = 未解決 { $open } 件 · 過去 { $days } 日間の質問 · 質問者は解決した回答をマークしてください：右クリック → アプリ → 解決策としてマーク

## エラーとお断り
error-unavailable = 台帳のデータベースに現在接続できません。少ししてからもう一度お試しください
error-database = 台帳の読み込み中に問題が発生しました。エラーはボットのログにあります。
error-internal = 問題が発生しました。エラーはボットのログにあります。
error-moderators-only = `/{ $command }` はモデレーター用です：**サーバー管理** の権限が必要です。
error-guild-only = このコマンドはサーバー内で使えます。ダイレクトメッセージでは使えません。
error-parse-input = `{ $input }` を読み取れませんでした：{ $error }
error-parse = オプションを読み取れませんでした：{ $error }

## 減衰の警告：モデレーター向けのまとめとメンバーへの DM
digest-title = **減衰の警告** — ランクが下がりそうなメンバー { $count } 人：
digest-row = • <@{ $member }> さんは { $date } に **{ $tier }** を外れます（評価 { $standing }、下限 { $floor }）
digest-advice = { $date } までにあと約 { $thanks } 回感謝されれば { $tier } を維持
warning-dm = お知らせ：このままだと、あなたの評価（{ $standing }）は { $date } に **{ $tier }** の下限（{ $floor }）を下回ります。
warning-dm-advice = { $date } までにあと約 { $thanks } 回感謝されれば { $tier } を維持できます。

## 静かになった、回答済みで未解決の投稿へのリマインド
nudge = <@{ $opener }> さん、ここの回答で質問は解決しましたか？解決した回答があれば、マークしてください：メッセージを右クリック（モバイルでは長押し）→ **アプリ** → **解決策としてマーク**。助けてくれた人へのお礼になり、ほかの人にも質問が解決済みだと伝わります。

## ボットが管理できないロール
role-which-tier = **{ $tier }** のロール <@&{ $role }>（ID { $role }）
role-which = ロール <@&{ $role }>（ID { $role }）
role-missing-permissions = ⚠️ 評価によるロール：Discord が { $which } の付与または削除を拒否しました：{ $problem }。ボットに **ロールの管理** 権限を与え、サーバー設定 → ロール でボットのロールをこのロールより上にドラッグしてから、`/config set roles.enabled true` を実行してボットに再試行させてください。それまでボットはこのロールに触れません。
role-missing-access = ⚠️ 評価によるロール：ボットが { $which } を管理するためにサーバーのロールにアクセスできません：{ $problem }。ボットがまだメンバーで **ロールの管理** 権限を持っているか確認してから、`/config set roles.enabled true` を実行してボットに再試行させてください。それまでボットはこのロールに触れません。
role-unknown = ⚠️ 評価によるロール：{ $which } はもう存在しません（{ $problem }）。`/config set roles.by_tier.{ $key } <ロール ID>` でランクのロールを設定し直してください（0 で削除）。それまでボットはこのロールに触れません。

## ボタン
button-not-yours = このボタンはほかの人のものです。
optout-cancelled = キャンセルしました：何も変更されていません。
optout-done = 完了：記録 { $count } 件を削除し、このサーバーでの記録を停止しました。`/optin` で記録を再開できます。

## /why、期間中の休暇
why-paused = 🏖️ この期間のうち { $days } 日間は減衰が一時停止しました（休暇）

## 解決策としてマーク
solution-marked = ✅ <@{ $marker }> さんが <@{ $solver }> さんの[この回答]({ $link })を解決策としてマークしました（+{ $amount }）。
solution-marked-moved = ✅ <@{ $marker }> さんが <@{ $solver }> さんの[この回答]({ $link })を解決策としてマークしました（+{ $amount }）（<@{ $previous }> さんから移動し、その加点は取り消されました）。
solution-unchanged = その回答はすでに解決策としてマークされています：何も変更されていません。
solution-not-tagged = 解決策は記録されましたが、投稿にタグを付けたり閉じたりできませんでした：{ $error }。そのためにはこのフォーラムで **スレッドの管理** 権限が必要です。
solution-refused-own = 自分のメッセージを解決策としてマークすることはできません。
solution-refused-bot = ボットのメッセージは解決策にできません。
solution-refused-openers = それは質問者自身のメッセージです：解決した回答をマークしてください。
solution-refused-not-allowed = 解決策をマークできるのは、質問したメンバーかモデレーター（スレッドの管理）だけです。
solution-refused-outside = そのメッセージは Goodwill が把握している会話に含まれていません（ボットより前のものか、投稿者が記録を停止しています）。

## ログチャンネル
appeal-rejected-log = ⚖️ <@{ $member }> さんの記録 #{ $entry } への異議 #{ $appeal } は { $moderator } さんにより却下されました：{ $note }

## ルールによる拒否
vacation-refused-days = 日数は 1 から { $max } の間で指定してください（vacation.max_days）
vacation-refused-going-on = すでに { $date } まで休暇中です
vacation-refused-cooldown = 休暇は { $days } 日に 1 回までです（vacation.cooldown_days）：次は { $date } から始められます
appeal-why-reversal = 取り消しの記録です。取り消された元の記録に異議を申し立ててください
appeal-why-reversed = すでに取り消されています
error-rate-limited = 少しお待ちください：{ $seconds } 秒後に Goodwill のコマンドをまた使えます。

## モデレーターへの返答
report-title = コミュニティレポート — 過去 { $days } 日間
report-summary = アクティブなメンバー { $members } 人：与える人 { $givers } 人、受け取る人 { $takers } 人、釣り合っている人 { $matchers } 人、静かな人 { $quiet } 人。
report-givers = 与える人（{ $count }）
report-takers = 受け取る人（{ $count }）
report-matchers = 釣り合っている人（{ $count }）
report-quiet = 静かな人（{ $count }）
report-at-risk = 減衰のおそれ（{ $count }）
report-at-risk-row = **{ $name }** { $tier } { $standing } → { $floor } 未満 { $when }
report-risers = 上昇
report-fallers = 下降
report-top-helpers = よく助けている人
report-footer = 全体の表は report.csv にあります
review-title = 審査待ちの異議
review-none = 未処理の異議はありません。
review-row = **#{ $appeal }** <@{ $member }> さん、{ $filed } — 記録 #{ $entry } `{ $amount }` { $kind }（{ $date }）：{ $why }
    > { $reason }
review-more = … ほかにもあります：まずこれらを判断してください
review-footer = /review accept appeal:N [メモ] で記録を取り消し · /review reject appeal:N メモ
review-accepted = 異議 #{ $appeal } を承認しました：記録 #{ $entry } を取り消しました（{ $amount }）。
review-rejected = 異議 #{ $appeal } を却下しました：記録 #{ $entry } はそのままです。
review-already = 異議 #{ $appeal } はすでに判断済みです（{ $status }）。
review-no-appeal = このサーバーに異議 #{ $appeal } はありません。
adjust-done = <@{ $member }> さんを { $amount } 調整しました：{ $reason }
config-updated = 変更しました：`{ $change }`
config-in-force = このサーバーで有効な設定：
config-whatif-file = もしも（{ $changes }）：ランクが変わるメンバー { $count } 人。何も変更していません。すべての行はファイルにあります。
token-created = API トークン `{ $name }` を作成しました。今すぐコピーしてください。二度と表示されません：
    ```
    { $token }
    ```
    `/api/v1/g/{ $guild }/...` で `Authorization: Bearer <token>` として使います。取り消すには `/config api-token revoke`。
token-revoked = API トークン `{ $name }` を取り消しました。
token-none = API トークンはありません。`/config api-token create` で作成できます。
token-row = `{ $name }`（<@{ $by }> さんが { $date } に作成）
token-row-used = `{ $name }`（<@{ $by }> さんが { $date } に作成、最終使用 { $used }）

## ログチャンネル: kudos・調整・取り消し
log-kudos = 🎉 kudos: { $giver } → { $member }（{ $amount }）: { $reason }{ $link }
log-adjustment = 🛠️ { $member } の調整（{ $amount }）、実施: { $moderator }: { $reason }
log-a-moderator = モデレーター
log-reversal = ↩️ { $member } の取り消し（{ $amount }）: { $reason }{ $link }

## /config set: 設定が拒否された理由
setting-text = { $text }
setting-wants-number = { $key } には数値を指定してください(例: 2.5)
setting-wants-integer = { $key } には整数を指定してください(例: 3)
setting-wants-bool = { $key } には true か false を指定してください
setting-wants-text = { $key } には引用符で囲んだ文字列を指定してください(例: "Europe/Berlin")
setting-wants-list = { $key } には角括弧のリストを指定してください(例: ["a", "b"] または [])
setting-wants-date = { $key } には日付を指定してください(例: 2026-12-01)
setting-wants-list-of-text = { $key } には引用符で囲んだ語のリストを指定してください（例: ["ありがとう", "助かりました"]）
setting-wants-list-of-numbers = { $key } には数値のリストを指定してください（例: [1.5, 2]）
setting-wants-list-of-integers = { $key } には整数のリストを指定してください（例: [1, 2]）
setting-wants-ids = { $key } には Discord ID を指定してください: リスト（例: [123, 456]）または "123, 456"
setting-not-an-id = { $key }: 「{ $word }」は Discord ID ではありません（ID はカンマで区切って指定してください。例: "123, 456"）
setting-between = { $key } は { $lo } から { $hi } の範囲で指定してください
setting-between-got = { $key } は { $lo } から { $hi } の範囲で指定してください（指定値: { $got }）
setting-half-life = { $key } は 0.1 から 36500 の正の日数で指定してください
setting-up-to = { $key } は 0 から { $max } の数値で指定してください
setting-open-fraction = { $key } は (0, 1] の範囲で指定してください
setting-positive-number = { $key } は正の数で指定してください
setting-positive = { $key } は正の値でなければなりません
setting-non-negative = { $key } は 0 以上の数で指定してください（符号は種類で決まります）
setting-finite = { $key } は有限の数で指定してください
setting-giver-weights = scoring.giver_weight_min <= giver_weight_base <= giver_weight_max が成り立つ必要があります
setting-escalation = scoring.request_escalation と request_escalation_cap は 1 以上でなければなりません
setting-no-tiers = ティアが少なくとも 1 つ必要です
setting-tier-floors = ティアの下限は増えていく必要があります: { $previous } の後に { $tier }
setting-detect = detect: { $text }
setting-taker-ratio = report.taker_ratio は report.giver_ratio より小さくしてください
setting-weekday = digest.weekday は mon tue wed thu fri sat sun のいずれかで指定してください
setting-time-zone = time.zone: { $value } は IANA タイムゾーン名ではありません（例: Europe/Berlin、UTC）
setting-board-refresh = board.refresh_minutes は 0 から 10080（1 週間）の範囲で指定してください
setting-locale = locale は auto（Discord でのサーバーの優先言語）または { $list } のいずれかです。{ $value } は Goodwill が話す言語ではありません
setting-nudge-days = forum.nudge_days は 0（オフ）から 3650 の範囲で指定してください
setting-unknown-key = 不明な設定 { $key } です。キーは /config view で確認できます
setting-section = { $key } はセクションです。その中のキーを指定してください
setting-not-applied = { $key } = { $value } は適用されませんでした: 無効な設定: { $why }。/config view に表示される型の値を指定してください
setting-no-such-tier = { $tier } という名前のティアはありません。次のいずれかを指定してください: { $tiers }
setting-overflow = { $key } = { $value } はこのサーバーの台帳に適用できません（残高があふれます）。もっと長い半減期を指定してください

## Audit log reasons (the server's language)
audit-solved = Goodwill: 解決済みにしました
audit-roles = Goodwill: スタンディングまたは期間ランキングによるロール

## /report のグラフ（同梱フォントに日本語がないため、グラフ自体は英語で描かれます）
chart-scatter-title = 獲得と消費（直近 { $days } 日）
chart-earned = 獲得した資本（入金）
chart-spent = 消費した資本（出金）
chart-giver = ギバー
chart-matcher = マッチャー
chart-taker = テイカー
chart-quiet = 静か
chart-trend-title = コミュニティのスタンディングの推移
chart-trend-y = メンバーの合計
chart-standing = スタンディング
chart-recent = 最近
chart-lasting = 長期

## /config preview の表
whatif-head = もしも（サーバー { $guild }、{ $at } 時点。何も変更されていません）:
whatif-note = 注: { $note }
whatif-note-detection = { $key }: 検出の設定は過去に遡って再現できません(メッセージ本文は保存されていません)。影響するのは新しいメッセージだけです
whatif-note-scoring = 採点の変更は、設定後の新しい記録にだけ適用されます(台帳は追記のみ)。再採点の列は、最初からその設定だった場合の履歴を示します
whatif-fidelity = 現在の設定での再計算の忠実度: { $fidelity }（0 = 再計算が保存された台帳を再現）
whatif-moved = { $members } 人中 { $moved } 人が変動。{ $tiers } 人がティアを変更（適用または再計算）。
whatif-col-member = メンバー
whatif-col-standing = スタンディング
whatif-col-applied = 適用 Δ
whatif-col-rescored = 再計算 Δ
whatif-col-tier = ティア（再計算）
whatif-col-category = カテゴリ（再計算）

## ウェブページ
web-nav-standings = ランキング
web-nav-report = レポート
web-log-out = ログアウト
web-forbidden-title = 閲覧できません
web-forbidden-moderators = このページはサーバーのモデレーター（サーバー管理）向けです。
web-forbidden-members = このサーバーはページをメンバーにのみ公開しています。
web-standings-title = { $guild } のランキング
web-standings-heading = { $guild } — ランキング
web-as-of = { $at } 時点。
web-as-of-short = { $at } 時点
web-standings-members = メンバー { $count } 人。
web-standings-matches = 該当するメンバー { $count } 人。
web-search-placeholder = 名前で検索
web-search = 検索
web-all-members = すべてのメンバー
web-col-member = メンバー
web-col-standing = スタンディング
web-col-recent = 最近
web-col-lasting = 長期
web-col-tier = ティア
web-standings-empty = まだ誰もいません。
web-previous = ← 前へ
web-next = 次へ →
web-page-of = { $page } / { $pages } ページ
web-stat-standing = スタンディング
web-stat-recent = 最近（短期の記憶）
web-stat-lasting = 長期（長期の記憶）
web-stat-rank = 順位
web-stat-week = 直近 7 日
web-stat-solutions = 承認された解決策
web-projection-heading = 何も入金がない場合の今後 90 日
web-projection-label = 今後 90 日のスタンディングの見込み
web-projection-in90 = 90 日後のスタンディングは { $standing } になります。
web-projection-falls = { $date } に { $tier } の下限（{ $floor }）を下回ります。
web-next-tier = 次のティア: { $tier }（{ $floor } から）。
web-history = 履歴
web-col-when = 日付
web-col-what = 種類
web-col-amount = 金額
web-col-with = 相手
web-col-why = 理由
web-someone = だれか
web-jump = 移動
web-history-empty = まだ記録がありません。

## モデレーター用ダッシュボード（/g/…/report と「もしも」）
web-report-title = { $guild } レポート
web-report-heading = { $guild } — モデレーター向けレポート
web-report-span = { $at } までの過去 { $days } 日間。
web-report-csv = CSV をダウンロード
web-report-window = 期間（日）
web-report-show = 表示
web-report-givers = 与える人
web-report-takers = 受け取る人
web-report-matchers = 釣り合っている人
web-report-quiet = 静かな人
web-report-risers = 上昇
web-report-fallers = 下降
web-report-earned = 獲得 { $value }
web-report-spent = 消費 { $value }
web-report-nobody = 該当なし。
web-report-at-risk = ティアが下がるおそれ
web-report-at-risk-none = 期間内に該当者はいません。
web-report-community = コミュニティのスタンディング
web-report-community-label = 期間中のスタンディング合計
web-report-earned-spent = 獲得と消費
web-report-earned-spent-label = メンバーごとの獲得と消費
web-report-legend = 緑: 与える人 · 赤: 受け取る人 · 青: 釣り合っている人 · 灰: 静かな人
web-whatif = もしも
web-whatif-intro = このサーバーの台帳で設定を試します。何も書き込まず、何も変更しません。
web-whatif-settings-label = 設定（key=value）
web-whatif-submit = 誰が動くか
web-whatif-heading = もしも — { $guild }
web-whatif-back = ← レポートに戻る
web-whatif-changes = 試した変更
web-whatif-nothing-written = 何も書き込んでいません。現在の設定はそのままです。
web-whatif-moved = ティアが変わる人
web-whatif-col-now = 現在
web-whatif-col-applied = 適用中
web-whatif-col-rescored = 再計算
web-whatif-col-standing = 現在のスタンディング → 再計算後
web-whatif-none = ティアが変わる人はいません。
web-whatif-too-long = 設定は 2000 文字までです。

## エラーページとログイン
web-not-understood = 理解できませんでした
web-not-found-title = 見つかりません
web-not-found = このページはありません。
web-unavailable-title = 少ししてからお試しください
web-unavailable = 台帳のデータベースに現在接続できません。
web-failed-title = 問題が発生しました
web-failed = ページを作成できませんでした。エラーはサーバーのログにあります。
web-bad-at = at: 日付（2024-11-30）か RFC 3339 形式の時刻を指定してください
web-too-many = リクエストが多すぎます: 間隔をあけてください
web-login-unavailable-title = ログインできません
web-login-no-randomness = サーバーに現在セッション用の乱数源がありません。
web-login-not-set-up-title = ログインが設定されていません
web-login-not-set-up = この Goodwill にはログイン用の Discord アプリケーションがありません。運営者が DISCORD_CLIENT_ID、DISCORD_CLIENT_SECRET、GOODWILL_PUBLIC_URL を設定します。
web-login-failed-title = ログインに失敗しました
web-login-discord-said = Discord の応答: { $error }。見たかったページからもう一度お試しください。
web-login-missing = コールバックに code または state がありません。
web-login-state-mismatch = このログインはこのブラウザーで開始されていません（state が一致しません）。最初からやり直してください。
web-login-expired = このログインは期限切れか、すでに使われています。最初からやり直してください。
web-login-not-confirmed = Discord がログインを確認しませんでした。少ししてからお試しください。

## トップページ（$path と $command はコードとして表示）
web-home = コミュニティの各メンバーのソーシャルキャピタルを記録する台帳です。サーバーのモデレーターが { $command }（または members、moderators）で有効にすると、そのサーバーのページは { $path } で見られます。
