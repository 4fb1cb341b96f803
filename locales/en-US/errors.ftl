# Errors a member or moderator can fix: bad option values (`option-…`, after
# "`option`: "). Values arrive as text, already formatted or quoted.
# English is the text the CLI and the logs print: keep it as it is.

## Option values (src/options/problem.rs)
option-amount = { $value } is not allowed; give a number of points from { $min } to { $max }, negative to take away (e.g. 5 or -2.5)
option-length = give { $min } to { $max } characters (this one has { $got })
option-control-char = contains the control character { $code }; remove it
option-not-member-id = { $id } is not a Discord member id; pick a member of this server
option-member-empty = empty; give a member's id, name or mention
option-member-too-long = longer than 200 characters; give a member's id, name or mention
option-member-nul = contains a NUL character; give a member's id, name or mention
option-range-page = { $value } is out of range; give a page number from { $lo } to { $hi }
option-range-days = { $value } is out of range; give a number of days from { $lo } to { $hi }
option-range-entries = { $value } is out of range; give a number of entries from { $lo } to { $hi }
option-since-days = { $days } days is out of range; give 1 to { $max } days
option-not-a-date = { $value } is not a date; give a date like 2026-11-23 or a number of days like 7
option-date-fix = give a date like 2026-11-23 or a number of days like 7
option-not-past = that is not in the past; give an earlier date
option-too-long-ago = that is more than { $max } days ago; give a later date
option-key-empty = empty; give a setting as shown by /config view, e.g. decay.recent_half_life_days
option-not-a-key = { $value } is not a setting name; give a dotted key as shown by /config view, e.g. decay.recent_half_life_days
option-value-empty = empty; give a TOML value: 45, 0.5, true, "text" or ["a", "b"]
option-value-too-long = longer than { $max } characters; give a shorter value
option-value-nul = contains a NUL character; remove it
