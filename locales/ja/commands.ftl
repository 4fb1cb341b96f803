# コマンド名と説明（src/discord/commands/localize.rs を参照）。

cmd-balance = 残高
    .description = メンバーのソーシャルキャピタル：残高、評価、ランク、傾向、減衰の警告
cmd-balance-member = メンバー
    .description = 誰の残高を表示するか（既定：自分）

cmd-standings = ランキング
    .description = 評価によるサーバーのランキング（または今週・今月に獲得した分）
cmd-standings-page = ページ
    .description = ランキングのページ（既定：1）
cmd-standings-period = 期間
    .description = 週または月：その期間に獲得した分（既定：全期間、つまり評価）
cmd-standings-period-week = 週
cmd-standings-period-month = 月
cmd-standings-period-all = 全期間
cmd-standings-at = 時期
    .description = 過去の週または月：2026-10、2026-W44 または日付（期間と一緒に）

cmd-history = 履歴
    .description = メンバーの最近の記録と、その元になったメッセージへのリンク
cmd-history-member = メンバー
    .description = 誰の履歴を表示するか（既定：自分）

cmd-why = 理由
    .description = 評価が変わった理由：減衰と記録の種類ごとの内訳（合計すると変化量）
cmd-why-member = メンバー
    .description = 誰の評価か（既定：自分）
cmd-why-since = 開始日
    .description = いつから：日付（2026-11-23）または日数（7）。既定は7日

cmd-kudos = 称賛
    .description = メンバーに公開で称賛（kudos）を贈る（1日に数回まで）
cmd-kudos-member = メンバー
    .description = 称賛を贈る相手
cmd-kudos-reason = 理由
    .description = 何に対して

cmd-mydata = マイデータ
    .description = このサーバーで Goodwill が保存しているあなたのデータをすべてダウンロード（JSON）

cmd-optout = オプトアウト
    .description = 記録を停止し、このサーバーでの自分の記録を削除する

cmd-optin = オプトイン
    .description = /optout の後、記録を再開する

cmd-warnings = 警告
    .description = 評価がランクを下回りそうなときにダイレクトメッセージを受け取る
cmd-warnings-dm = dm
    .description = on：ランクが下がる前に知らせる（下がるたびに1回）、off：停止
cmd-warnings-dm-on = オン
cmd-warnings-dm-off = オフ

cmd-unsolved = 未解決
    .description = 解決していない質問（古い順）：助けが必要なところ
cmd-unsolved-channel = チャンネル
    .description = このチャンネルまたはフォーラムのみ

cmd-appeal = 異議申し立て
    .description = 自分の記録に異議を申し立てる（番号は /history に表示）。モデレーターが審査します
cmd-appeal-entry = 記録
    .description = /history に表示される記録の番号（#123）
cmd-appeal-reason = 理由
    .description = なぜ誤っているのか

cmd-review = 審査
    .description = メンバーの異議を審査：一覧、承認（記録を取り消す）、却下
cmd-review-list = 一覧
    .description = 未処理の異議（古い順）
cmd-review-accept = 承認
    .description = 異議を承認：記録は取り消され（監査あり）、メンバーに通知されます
cmd-review-accept-appeal = 申し立て
    .description = 異議の番号
cmd-review-accept-note = メモ
    .description = メンバーと監査記録へのメモ
cmd-review-reject = 却下
    .description = 異議を却下：記録はそのまま残り、メンバーに理由が伝えられます
cmd-review-reject-appeal = 申し立て
    .description = 異議の番号
cmd-review-reject-note = メモ
    .description = 理由（メンバーに伝えられます）

cmd-vacation = 休暇
    .description = 数日間、減衰を一時停止する（モデレーター：誰かの休暇を終了する）
cmd-vacation-days = 日数
    .description = 不在の日数（最大 vacation.max_days）。その間、評価は減衰しません
cmd-vacation-end = 終了
    .description = モデレーター：このメンバーの休暇を今すぐ終了する

cmd-mark_solution = 解決策としてマーク
    .description = このメッセージを質問を解決した回答としてマークする

cmd-report = レポート
    .description = ギバー、テイカー、マッチャー、静かなメンバー、減衰のリスク、変動
cmd-report-window = 期間
    .description = 日数での期間（既定：90）

cmd-config = 設定
    .description = このサーバーの Goodwill の設定を表示・変更する
cmd-config-view = 表示
    .description = このサーバーで有効な設定を表示する
cmd-config-set = 変更
    .description = 設定を1つ変更する（例：キー `decay.recent_half_life_days`、値 `45`）
cmd-config-set-key = キー
    .description = 変更する設定（/config view に表示されるドット区切りのキー）
cmd-config-set-value = 値
    .description = 新しい値（TOML：45、0.5、true、"text"、["a", "b"]）
cmd-config-preview = プレビュー
    .description = 設定を変えた場合の結果を、このサーバーの台帳で再計算して表示（何も変更しません）
cmd-config-preview-changes = 変更内容
    .description = 試す設定：key=value key2=value2
cmd-config-api-token = apiトークン
    .description = 読み取り専用の Web API 用トークン（/api/v1/g/<サーバーID>/...）
cmd-config-api-token-create = 作成
    .description = API トークンを作成する（一度だけ、あなたにのみ表示されます）
cmd-config-api-token-create-name = 名前
    .description = 識別・取り消し用の名前（例：dashboard）
cmd-config-api-token-revoke = 取り消し
    .description = 名前を指定して API トークンを取り消す
cmd-config-api-token-revoke-name = 名前
    .description = トークンの名前（/config api-token list を参照）
cmd-config-api-token-list = 一覧
    .description = このサーバーの API トークンの一覧（名前と日付のみ、トークンは表示しません）

cmd-adjust = 調整
    .description = メンバーの残高を理由付きで増減する（台帳に記録されます）
cmd-adjust-member = メンバー
    .description = 誰の残高を調整するか
cmd-adjust-amount = ポイント
    .description = 加えるポイント（マイナスで減らす）
cmd-adjust-reason = 理由
    .description = 理由（台帳に残ります）
