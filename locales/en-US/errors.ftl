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

## Refused requests (src/capital/refusal.rs); quoted values arrive quoted
refusal-unknown-member = unknown member { $query } in this server (give an id, a name, or a mention)
refusal-ambiguous-member = { $query } matches several members: { $matches }; give an id
refusal-period-needed = period must be week or month here
refusal-bad-at = at: at must be a month like 2026-10, a week like 2026-W44 or a date like 2026-10-14, not { $value }
refusal-at-needs-period = at: at needs period week or month
refusal-bad-zone = { $value } is not an IANA time zone name (e.g. Europe/Berlin, UTC)
refusal-no-changes = give at least one key=value to try
refusal-section = { $key } is a section; name a key inside it
refusal-unknown-setting = unknown setting { $key }; see /config view for the keys
refusal-not-valid-config = not a valid configuration: { $detail }
refusal-assign-expected = invalid setting: expected key=value (e.g. decay.recent_half_life_days=45), got { $word }
refusal-assign-none = invalid setting: give at least one key=value, e.g. decay.recent_half_life_days=45
refusal-assign-no-value = invalid setting: { $key }= has no value
refusal-search-length = search for 1 to 100 characters of a name
refusal-since-not-before = `since` must be before now: give a date in the past (YYYY-MM-DD)
refusal-token-name = a token name is 1 to 40 letters, digits, spaces, '-', '_' or '.' (e.g. dashboard)
refusal-token-exists = this server already has a token named { $name }: revoke it first or choose another name
refusal-no-such-token = this server has no API token named { $name } (see /config api-token list)
