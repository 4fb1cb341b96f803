# メンバーやモデレーターが直せるエラー：オプションの値の誤り
# （`option-…`、「`オプション`: 」の後）。値は整形済みのテキストで届きます。

## オプションの値（src/options/problem.rs）
option-amount = { $value } は指定できません。{ $min } から { $max } までのポイント数を指定してください。差し引くときは負の数にします（例: 5 や -2.5）
option-length = { $min } から { $max } 文字で入力してください（この値は { $got } 文字です）
option-control-char = 制御文字 { $code } が含まれています。削除してください
option-not-member-id = { $id } は Discord のメンバー ID ではありません。このサーバーのメンバーを選んでください
option-member-empty = 空です。メンバーの ID、名前、またはメンションを指定してください
option-member-too-long = 200 文字を超えています。メンバーの ID、名前、またはメンションを指定してください
option-member-nul = NUL 文字が含まれています。メンバーの ID、名前、またはメンションを指定してください
option-range-page = { $value } は範囲外です。{ $lo } から { $hi } までのページ番号を指定してください
option-range-days = { $value } は範囲外です。{ $lo } から { $hi } までの日数を指定してください
option-range-entries = { $value } は範囲外です。{ $lo } から { $hi } までの件数を指定してください
option-since-days = { $days } 日は範囲外です。1 から { $max } 日を指定してください
option-not-a-date = { $value } は日付ではありません。2026-11-23 のような日付か、7 のような日数を指定してください
option-date-fix = 2026-11-23 のような日付か、7 のような日数を指定してください
option-not-past = 過去の日付ではありません。もっと前の日付を指定してください
option-too-long-ago = { $max } 日より前です。もっと後の日付を指定してください
option-key-empty = 空です。/config view に表示される設定を指定してください（例: decay.recent_half_life_days）
option-not-a-key = { $value } は設定名ではありません。/config view に表示されるドット区切りのキーを指定してください（例: decay.recent_half_life_days）
option-value-empty = 空です。TOML の値を指定してください: 45、0.5、true、"text"、["a", "b"] など
option-value-too-long = { $max } 文字を超えています。もっと短い値を指定してください
option-value-nul = NUL 文字が含まれています。削除してください

## 拒否されたリクエスト（src/capital/refusal.rs）。値は引用符付きで届きます
refusal-unknown-member = このサーバーにメンバー { $query } はいません（ID、名前、またはメンションを指定してください）
refusal-ambiguous-member = { $query } に一致するメンバーが複数います: { $matches }。ID を指定してください
refusal-period-needed = ここでは期間を week か month にしてください
refusal-bad-at = at: at は 2026-10 のような月、2026-W44 のような週、または 2026-10-14 のような日付にしてください（{ $value } は使えません）
refusal-at-needs-period = at: at には期間 week か month が必要です
refusal-bad-zone = { $value } は IANA のタイムゾーン名ではありません（例: Europe/Berlin、UTC）
refusal-no-changes = 試す key=value を少なくとも 1 つ指定してください
refusal-section = { $key } はセクションです。その中のキーを指定してください
refusal-unknown-setting = 不明な設定 { $key } です。キーは /config view で確認してください
refusal-not-valid-config = 有効な設定ではありません: { $detail }
refusal-assign-expected = 無効な設定: key=value の形にしてください（例: decay.recent_half_life_days=45）。受け取った値: { $word }
refusal-assign-none = 無効な設定: key=value を少なくとも 1 つ指定してください（例: decay.recent_half_life_days=45）
refusal-assign-no-value = 無効な設定: { $key }= に値がありません
refusal-search-length = 名前の 1 〜 100 文字で検索してください
refusal-since-not-before = `since` は現在より前にしてください: 過去の日付を指定してください（YYYY-MM-DD）
refusal-token-name = トークン名は 1 〜 40 文字の英数字・空白・'-'・'_'・'.' で指定してください（例: dashboard）
refusal-token-exists = このサーバーには { $name } という名前のトークンがすでにあります。先に取り消すか、別の名前を選んでください
refusal-no-such-token = このサーバーに { $name } という名前の API トークンはありません（/config api-token list を参照）
