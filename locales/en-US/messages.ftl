# What members read: answers, embeds and channel posts.
# Numbers with decimals and ids arrive as text, already formatted; counts
# ($count, $remaining, …) are numbers and choose the plural form.

## /balance
balance-title = Balance — { $name }
balance-rank = rank #{ $rank }
balance-tier = **{ $tier }** (from { $floor })
balance-next-tier = next: { $tier } at { $at }
balance-vacation = 🏖️ On vacation until { $date } ({ $relative }): decay is paused, no decay warnings meanwhile.
balance-falls-below = Falls below { $tier } on { $date } ({ $relative }) without new deposits.
balance-advice = Stays { $tier } with about { $thanks } more thanks received before { $date }.
balance-no-decay = No decay warning: standing stays in this tier.
balance-field-standing = Standing
balance-field-tier = Tier
balance-field-trend = Trend (7 days)
balance-field-recent = Recent
balance-field-lasting = Lasting
balance-field-headroom = Headroom
balance-headroom = { $count ->
    [one] { $count } ask before going negative
   *[other] { $count } asks before going negative
}
balance-field-solutions = Solutions
balance-solutions = { $count ->
    [0] none accepted yet
    [one] **1** answer accepted as the solution
   *[other] **{ $count }** answers accepted as the solution
}
balance-field-decay = Decay
balance-footer = { $count ->
    [one] { $count } ledger entry
   *[other] { $count } ledger entries
} · /history for details
balance-opted-out = Not tracked (opted out). `/optin` to start again.

## /standings
standings-title = Standings
standings-empty = Nobody is on the board yet.
standings-row = `#{ $rank }` **{ $name }** — { $standing } · { $tier } (recent { $recent }, lasting { $lasting })
standings-footer = Page { $page } of { $pages } · { $members } members
standings-prev = ◀ Prev
standings-next = Next ▶
standings-at-needs-period = at names a past week or month: give period:week or period:month with it

## Period boards and the winners post
board-empty = Nobody earned anything in this period.
board-row = `#{ $rank }` { $medal }**{ $name }** — earned { $earned } · standing { $standing } ({ $tier })
board-title-winners = 🏆 Winners of the { $period ->
    [week] week
   *[other] month
} { $label }
board-title-archive = { $period ->
    [week] Week
   *[other] Month
} { $label } (archive)
board-title-current = This { $period ->
    [week] week
   *[other] month
} ({ $label })
board-footer = { $from } to { $to } ({ $zone }) · earned in the period, standing now

## /history
history-title = History — { $name }
history-empty = No ledger entries yet.
history-message = message
history-solution = ✅ solution
history-footer = latest { $count } entries

## /why
why-title = Why — { $name }
why-head = **{ $from } → { $to }** ({ $change }) since { $since }
why-decay-loss = decay (capital fades when nothing new comes in)
why-decay-debt = decay (a debt fades too)
why-written = (written { $amount }, decayed since)
why-more = … (more kinds: see /history)
why-nothing = Nothing changed: no entries and no decay in this span.
why-small = Counted for little
why-small-row = { $date } { $kind } { $amount } of { $base }: { $why }
why-footer = Each entry is valued as of now (after its own decay); the lines add up to the change.

## Kinds of entries, in sentences
kind-thanks = thanks received
kind-thank-reaction = thank reactions
kind-helpful-reply = help given
kind-shared-content = useful shares
kind-kudos = kudos
kind-request = questions answered (asking costs)
kind-self-promotion = self-promotion
kind-broadcast = broadcast pings
kind-reciprocity = mutual-help bonus
kind-reversal = reversals (deleted or edited messages, removed reactions, moved solutions)
kind-adjustment = moderator adjustments
kind-solution = accepted solutions

## /kudos
kudos-given = 🙌 <@{ $giver }> gave kudos to <@{ $receiver }> (+{ $amount }): { $reason }
kudos-left = -# { $remaining } kudos left today
kudos-cap = You have given your { $cap } kudos for today; you can give more { $when }.
kudos-self = Kudos go to someone else, not yourself.
kudos-bot = Bots don't collect kudos.
kudos-opted-out = Kudos can't be recorded: you or they opted out of tracking.
kudos-already = That kudos was already recorded.

## /mydata, /optout, /optin, /warnings
mydata-summary = Your data in this server: { $entries } ledger entries and the metadata of { $messages } messages (contents are never stored). `/optout` deletes it.
optout-warning = This deletes every ledger entry about you in this server and stops tracking you until you use `/optin`. It cannot be undone.
optout-confirm = Delete my data and stop tracking
optout-cancel = Cancel
optin-done = Tracking is on: your help and thanks count again from now on.
warnings-on = Decay warnings by DM are **on**: the bot writes to you once when your standing is about to drop a tier, with what would prevent it. Keep DMs from server members open.
warnings-server-off = Noted, but this server has turned decay-warning DMs off (`digest.dm_opt_in`); you will get them if the moderators turn them on.
warnings-off = Decay warnings by DM are **off**.

## /vacation
vacation-both = Give either `days` (your vacation) or `end` (a moderator ending one), not both.
vacation-end-needs-moderator = Ending a vacation needs the Manage Server permission.
vacation-ended-log = 🏖️ { $moderator } ended the vacation of <@{ $member }> (planned until { $date }): decay resumes
vacation-ended = Ended the vacation of { $name } (it was planned until { $date }); their decay resumes now.
vacation-not-on = { $name } is not on vacation.
vacation-started-log = 🏖️ <@{ $member }> is on vacation until { $date } (decay paused)
vacation-started = 🏖️ Enjoy! You are on vacation until { $date } ({ $relative }): your standing does not decay and no decay warnings go out meanwhile.
vacation-refused = No vacation started: { $why }.
vacation-current = 🏖️ You are on vacation until { $date } ({ $relative }).
vacation-none = You are not on vacation. `/vacation days:7` pauses your decay for a week.

## /appeal
appeal-filed = Appeal #{ $appeal } filed for entry #{ $entry }. A moderator will review it; you will get a direct message with the decision.
appeal-no-entry = There is no entry #{ $entry } in this server. `/history` shows your entries' numbers.
appeal-not-yours = You can appeal your own entries only.
appeal-not-appealable = Entry #{ $entry } can't be appealed: { $why }.
appeal-already = Entry #{ $entry } was appealed already.
appeal-dm-accepted = Your appeal #{ $appeal } was **accepted**: entry #{ $entry } ({ $kind }) is reversed.
appeal-dm-rejected = Your appeal #{ $appeal } was **rejected**: entry #{ $entry } ({ $kind }) stands.
appeal-dm-note = Moderator's note: { $note }

## /unsolved
unsolved-none = Nothing open: every question asked here in the last { $days } days has an answer marked or a thanks. 🎉
unsolved-answers = { $count ->
    [0] no answer yet
    [one] 1 member answered
   *[other] { $count } members answered
}
unsolved-row = • [{ $name }'s question]({ $link }){ $place } · asked { $when } · { $answers }
unsolved-place = { " " }in #{ $channel }
unsolved-more = … and { $count } more (oldest shown first)
unsolved-title-in = Unsolved in #{ $channel }
unsolved-title = Unsolved questions
unsolved-footer = { $open } open · asked in the last { $days } days · the asker marks the answer that solved it: right-click it → Apps → Mark as solution

## Errors and refusals
error-unavailable = the ledger database is unavailable right now; try again shortly
error-database = Something went wrong reading the ledger; the error is in the bot's log.
error-internal = Something went wrong; the error is in the bot's log.
error-moderators-only = `/{ $command }` is for moderators: you need the **Manage Server** permission.
error-guild-only = This command works in a server, not in direct messages.
error-parse-input = Could not read `{ $input }`: { $error }
error-parse = Could not read the options: { $error }

## Decay warnings: the moderators' digest and the member's DM (server's language)
digest-title = **Decay warnings** — { $count ->
    [one] 1 member about to drop a tier:
   *[other] { $count } members about to drop a tier:
}
digest-row = • <@{ $member }> leaves **{ $tier }** on { $date } (standing { $standing }, floor { $floor })
digest-advice = stays { $tier } with about { $thanks } more thanks received before { $date }
warning-dm = Heads-up: your standing ({ $standing }) falls below the **{ $tier }** floor ({ $floor }) on { $date } if nothing changes.
warning-dm-advice = It stays { $tier } with about { $thanks } more thanks received before { $date }.

## The nudge in a quiet, answered, unsolved post (server's language)
nudge = <@{ $opener }> did the answers here solve your question? If one did, mark it: right-click the message (long-press on mobile) → **Apps** → **Mark as solution**. It thanks whoever helped and shows others the question is answered.

## A role the bot cannot manage, told to the moderators (server's language)
role-which-tier = the **{ $tier }** role <@&{ $role }> (id { $role })
role-which = the role <@&{ $role }> (id { $role })
role-missing-permissions = ⚠️ Roles by standing: Discord refused to give or take { $which }: { $problem }. Give the bot the **Manage Roles** permission and drag the bot's role above this role in Server Settings → Roles, then run `/config set roles.enabled true` so the bot tries again. Until then the bot leaves this role alone.
role-missing-access = ⚠️ Roles by standing: the bot cannot reach the server's roles to manage { $which }: { $problem }. Check that the bot is still a member with the **Manage Roles** permission, then run `/config set roles.enabled true` so the bot tries again. Until then the bot leaves this role alone.
role-unknown = ⚠️ Roles by standing: { $which } does not exist any more ({ $problem }). Set the tier's role again with `/config set roles.by_tier.{ $key } <role id>` (0 removes it). Until then the bot leaves this role alone.

## Buttons (the clicking member's language)
button-not-yours = This button belongs to someone else.
optout-cancelled = Cancelled: nothing changed.
optout-done = { $count ->
    [one] Done: 1 ledger entry deleted
   *[other] Done: { $count } ledger entries deleted
}, and you are no longer tracked here. `/optin` starts tracking again.

## /why, a vacation inside the span
why-paused = 🏖️ decay paused { $days } days of this span (vacation)

## Mark as solution
solution-marked = ✅ <@{ $marker }> marked [this answer]({ $link }) by <@{ $solver }> as the solution (+{ $amount }).
solution-marked-moved = ✅ <@{ $marker }> marked [this answer]({ $link }) by <@{ $solver }> as the solution (+{ $amount }) (moved from <@{ $previous }>, whose credit was reversed).
solution-unchanged = That answer is already marked as the solution: nothing changed.
solution-not-tagged = The solution is recorded, but I could not tag or close the post: { $error }. I need **Manage Threads** in this forum for that.
solution-refused-own = You can't mark your own message as the solution.
solution-refused-bot = A bot's message can't be the solution.
solution-refused-openers = That is the opener's own message: mark the answer that solved it.
solution-refused-not-allowed = Only the member who asked, or a moderator (Manage Threads), can mark the solution.
solution-refused-outside = That message is in no conversation Goodwill knows (it may predate the bot, or its author opted out).

## The log channel (server's language)
appeal-rejected-log = ⚖️ appeal #{ $appeal } by <@{ $member }> on entry #{ $entry } rejected by { $moderator }: { $note }

## Refusals from the rules (the member's language)
vacation-refused-days = days must be between 1 and { $max } (vacation.max_days)
vacation-refused-going-on = you are already on vacation until { $date }
vacation-refused-cooldown = one vacation per { $days } days (vacation.cooldown_days): the next can start on { $date }
appeal-why-reversal = it is a reversal; appeal the entry it reverses
appeal-why-reversed = it was reversed already
error-rate-limited = slow down: you can use Goodwill commands again in { $seconds } s

## Moderators' answers (the moderator's language)
report-title = Community report — last { $days } days
report-summary = { $members } active members: { $givers } givers, { $takers } takers, { $matchers } matchers, { $quiet } quiet.
report-givers = Givers ({ $count })
report-takers = Takers ({ $count })
report-matchers = Matchers ({ $count })
report-quiet = Quiet ({ $count })
report-at-risk = At risk of decay ({ $count })
report-at-risk-row = **{ $name }** { $tier } { $standing } → below { $floor } { $when }
report-risers = Risers
report-fallers = Fallers
report-top-helpers = Top helpers
report-footer = Full table in report.csv
review-title = Appeals to review
review-none = No open appeals.
review-row = **#{ $appeal }** by <@{ $member }>, { $filed } — entry #{ $entry } `{ $amount }` { $kind } ({ $date }): { $why }
    > { $reason }
review-more = … more: decide these first
review-footer = /review accept appeal:N [note] reverses the entry · /review reject appeal:N note
review-accepted = Appeal #{ $appeal } accepted: entry #{ $entry } reversed ({ $amount }).
review-rejected = Appeal #{ $appeal } rejected: entry #{ $entry } stands.
review-already = Appeal #{ $appeal } was decided already ({ $status }).
review-no-appeal = There is no appeal #{ $appeal } in this server.
adjust-done = Adjusted <@{ $member }> by { $amount }: { $reason }
config-updated = Updated `{ $change }`
config-in-force = Settings in force in this server:
config-whatif-file = What if ({ $changes }): { $count ->
    [one] 1 member changes tier
   *[other] { $count } members change tier
}; nothing was changed. Every row is in the file.
token-created = API token `{ $name }` created. Copy it now, it is not shown again:
    ```
    { $token }
    ```
    Use it as `Authorization: Bearer <token>` on `/api/v1/g/{ $guild }/...`; revoke it with `/config api-token revoke`.
token-revoked = API token `{ $name }` revoked.
token-none = No API tokens. Create one with `/config api-token create`.
token-row = `{ $name }` by <@{ $by }> on { $date }
token-row-used = `{ $name }` by <@{ $by }> on { $date }, last used { $used }

## Log channel: kudos, adjustments and reversals ($link is empty or " — <url>")
log-kudos = 🎉 kudos: { $giver } → { $member } ({ $amount }): { $reason }{ $link }
log-adjustment = 🛠️ adjustment for { $member } ({ $amount }) by { $moderator }: { $reason }
log-a-moderator = a moderator
log-reversal = ↩️ reversal for { $member } ({ $amount }): { $reason }{ $link }

## /config set: why a setting was refused (keys and values as typed)
setting-text = { $text }
setting-wants-number = { $key } takes a number (e.g. 2.5)
setting-wants-integer = { $key } takes a whole number (e.g. 3)
setting-wants-bool = { $key } takes true or false
setting-wants-text = { $key } takes text in quotes (e.g. "Europe/Berlin")
setting-wants-list = { $key } takes a list in brackets (e.g. ["a", "b"] or [])
setting-wants-date = { $key } takes a date (e.g. 2026-12-01)
setting-wants-list-of-text = { $key } takes a list of words in quotes (e.g. ["cheers", "much obliged"])
setting-wants-list-of-numbers = { $key } takes a list of numbers (e.g. [1.5, 2])
setting-wants-list-of-integers = { $key } takes a list of whole numbers (e.g. [1, 2])
setting-wants-ids = { $key } takes Discord ids: a list (e.g. [123, 456]) or "123, 456"
setting-not-an-id = { $key }: "{ $word }" is not a Discord id (give ids separated by commas, e.g. "123, 456")
setting-between = { $key } must be between { $lo } and { $hi }
setting-between-got = { $key } must be between { $lo } and { $hi } (got { $got })
setting-half-life = { $key } must be a positive number of days from 0.1 to 36500
setting-up-to = { $key } must be a number from 0 to { $max }
setting-open-fraction = { $key } must be in (0, 1]
setting-positive-number = { $key } must be a positive number
setting-positive = { $key } must be positive
setting-non-negative = { $key } must be a non-negative number (the sign comes from the kind)
setting-finite = { $key } must be a finite number
setting-giver-weights = scoring.giver_weight_min <= giver_weight_base <= giver_weight_max must hold
setting-escalation = scoring.request_escalation and request_escalation_cap must be >= 1
setting-no-tiers = at least one tier is needed
setting-tier-floors = tier floors must increase: { $tier } after { $previous }
setting-detect = detect: { $text }
setting-taker-ratio = report.taker_ratio must be below report.giver_ratio
setting-weekday = digest.weekday must be one of mon tue wed thu fri sat sun
setting-time-zone = time.zone: { $value } is not an IANA time zone name (e.g. Europe/Berlin, UTC)
setting-board-refresh = board.refresh_minutes must be between 0 and 10080 (a week)
setting-locale = locale must be auto (Discord's preferred locale for the server) or one of { $list }; { $value } is not a language Goodwill speaks
setting-nudge-days = forum.nudge_days must be between 0 (off) and 3650
setting-unknown-key = unknown setting { $key }; see /config view for the keys
setting-section = { $key } is a section; name a key inside it
setting-not-applied = { $key } = { $value } was not applied: invalid setting: { $why }; give a value of the type /config view shows
setting-no-such-tier = no tier is named { $tier }; give one of the tiers: { $tiers }
setting-overflow = { $key } = { $value } cannot be applied to this server's ledger (the balances would overflow); give a longer half-life

## Audit log reasons (the server's language)
audit-solved = Goodwill: marked as solved
audit-roles = Goodwill: role by standing or by a period board

## /report chart (the CSV's column names stay English: an interface)
chart-scatter-title = Earned vs spent, last { $days } days
chart-earned = capital earned (deposits)
chart-spent = capital spent (withdrawals)
chart-giver = giver
chart-matcher = matcher
chart-taker = taker
chart-quiet = quiet
chart-trend-title = Community standing over time
chart-trend-y = sum over members
chart-standing = standing
chart-recent = recent
chart-lasting = lasting

## /config preview table
whatif-head = What if, for guild { $guild } as of { $at } (nothing was changed):
whatif-note = note: { $note }
whatif-note-detection = { $key }: detection settings cannot be replayed (message text is not stored); only new messages would be affected
whatif-note-scoring = scoring changes apply to new entries once set (the ledger is append-only); the re-scored columns show history as if they had always applied
whatif-fidelity = replay fidelity under the current settings: { $fidelity } (0 = the replay reproduces the stored ledger)
whatif-moved = { $moved } of { $members } members move; { $tiers } change tier (applied or re-scored).
whatif-col-member = member
whatif-col-standing = standing
whatif-col-applied = applied Δ
whatif-col-rescored = re-scored Δ
whatif-col-tier = tier (re-scored)
whatif-col-category = category (re-scored)

## Web pages (standings and member pages)
web-nav-standings = Standings
web-nav-report = Report
web-log-out = Log out
web-forbidden-title = Not for you
web-forbidden-moderators = This page is for the server's moderators (Manage Server).
web-forbidden-members = This server shows its pages to its members only.
web-standings-title = { $guild } standings
web-standings-heading = { $guild } — standings
web-as-of = As of { $at }.
web-as-of-short = as of { $at }
web-standings-members = { $count ->
    [one] { $count } member.
   *[other] { $count } members.
}
web-standings-matches = { $count ->
    [one] { $count } member matches.
   *[other] { $count } members match.
}
web-search-placeholder = Search by name
web-search = Search
web-all-members = All members
web-col-member = Member
web-col-standing = Standing
web-col-recent = Recent
web-col-lasting = Lasting
web-col-tier = Tier
web-standings-empty = Nobody here.
web-previous = ← Previous
web-next = Next →
web-page-of = Page { $page } of { $pages }
web-stat-standing = standing
web-stat-recent = recent (fast memory)
web-stat-lasting = lasting (slow memory)
web-stat-rank = rank
web-stat-week = last 7 days
web-stat-solutions = accepted solutions
web-projection-heading = The next 90 days if nothing is deposited
web-projection-label = Projected standing over the next 90 days
web-projection-in90 = Standing would be { $standing } in 90 days.
web-projection-falls = Falls below { $tier }'s floor ({ $floor }) on { $date }.
web-next-tier = Next tier: { $tier } at { $floor }.
web-history = History
web-col-when = When
web-col-what = What
web-col-amount = Amount
web-col-with = With
web-col-why = Why
web-someone = someone
web-jump = Jump
web-history-empty = No entries yet.

## The moderators' dashboard (/g/…/report and its what-if)
web-report-title = { $guild } report
web-report-heading = { $guild } — moderators' report
web-report-span = The last { $days } days to { $at }.
web-report-csv = Download CSV
web-report-window = Window (days)
web-report-show = Show
web-report-givers = Givers
web-report-takers = Takers
web-report-matchers = Matchers
web-report-quiet = Quiet
web-report-risers = Risers
web-report-fallers = Fallers
web-report-earned = earned { $value }
web-report-spent = spent { $value }
web-report-nobody = Nobody.
web-report-at-risk = At risk of falling a tier
web-report-at-risk-none = Nobody within the horizon.
web-report-community = Community standing
web-report-community-label = Total standing over the window
web-report-earned-spent = Earned and spent
web-report-earned-spent-label = Earned against spent per member
web-report-legend = Green: givers · red: takers · blue: matchers · grey: quiet
web-whatif = What if
web-whatif-intro = Try settings on this server's ledger; nothing is written or changed.
web-whatif-settings-label = Settings, key=value
web-whatif-submit = Who would move
web-whatif-heading = What if — { $guild }
web-whatif-back = ← Back to the report
web-whatif-changes = Changes tried
web-whatif-nothing-written = Nothing was written: the settings in force are unchanged.
web-whatif-moved = Who moves out of their tier
web-whatif-col-now = Now
web-whatif-col-applied = Applied
web-whatif-col-rescored = Re-scored
web-whatif-col-standing = Standing now → re-scored
web-whatif-none = Nobody changes tier.
web-whatif-too-long = At most 2000 characters of settings.

## Web error pages and the login
web-not-understood = Not understood
web-not-found-title = Not found
web-not-found = There is no such page here.
web-unavailable-title = Try again shortly
web-unavailable = The ledger database is unavailable right now.
web-failed-title = Something went wrong
web-failed = The page could not be made; the error is in the server's log.
web-bad-at = at: give a date (2024-11-30) or an RFC 3339 time
web-too-many = too many requests: slow down
web-login-unavailable-title = Login unavailable
web-login-no-randomness = The server has no source of randomness for a session right now.
web-login-not-set-up-title = Login is not set up
web-login-not-set-up = This Goodwill has no Discord application for logins: the operator sets DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET and GOODWILL_PUBLIC_URL.
web-login-failed-title = Login failed
web-login-discord-said = Discord said: { $error }. Try again from the page you wanted.
web-login-missing = The callback is missing its code or state.
web-login-state-mismatch = This login was not started in this browser (state mismatch). Start again.
web-login-expired = This login expired or was already used. Start again.
web-login-not-confirmed = Discord did not confirm the login. Try again shortly.

## The home page ($path and $command are shown as code)
web-home = A ledger of each community member's social capital. A server's pages are at { $path } when its moderators turn them on with { $command } (or members, moderators).
