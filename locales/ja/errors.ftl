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
