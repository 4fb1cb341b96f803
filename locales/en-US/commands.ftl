# Command names and descriptions (see src/discord/commands/localize.rs).
# English mirrors the code; the other languages translate it.
# Names: lowercase, no spaces, at most 32 characters; descriptions: at most 100.

cmd-balance = balance
    .description = Show a member's social capital: balance, standing, tier, trend and decay warning
cmd-balance-member = member
    .description = Whose balance to show (default: yours)

cmd-standings = standings
    .description = The server's leaderboard by standing (or what was earned this week or month)
cmd-standings-page = page
    .description = Page of the leaderboard (default: 1)
cmd-standings-period = period
    .description = week or month: what was earned in it (default: all, the standing)
cmd-standings-period-week = week
cmd-standings-period-month = month
cmd-standings-period-all = all
cmd-standings-at = at
    .description = A past week or month: 2026-10, 2026-W44 or a date (with period)

cmd-history = history
    .description = A member's latest ledger entries, with links to the messages behind them
cmd-history-member = member
    .description = Whose history to show (default: yours)

cmd-why = why
    .description = Why a standing changed: decay and each kind of entry, adding up to the change
cmd-why-member = member
    .description = Whose standing (default: yours)
cmd-why-since = since
    .description = Since when: a date (2026-11-23) or days back (7); default 7 days

cmd-kudos = kudos
    .description = Thank a member publicly with kudos (a few per day)
cmd-kudos-member = member
    .description = Who deserves kudos
cmd-kudos-reason = reason
    .description = What for

cmd-mydata = mydata
    .description = Download everything Goodwill stores about you in this server (JSON)

cmd-optout = optout
    .description = Stop tracking me and delete my ledger entries in this server

cmd-optin = optin
    .description = Start tracking me again after /optout

cmd-warnings = warnings
    .description = Get a direct message when your standing is about to drop a tier
cmd-warnings-dm = dm
    .description = on: DM me before I drop a tier (once per drop); off: stop
cmd-warnings-dm-on = on
cmd-warnings-dm-off = off

cmd-unsolved = unsolved
    .description = Open questions without a solution, oldest first: where help is needed
cmd-unsolved-channel = channel
    .description = Only this channel or forum

cmd-appeal = appeal
    .description = Contest one of your ledger entries (its # is in /history); a moderator reviews it
cmd-appeal-entry = entry
    .description = The entry's number, as /history shows it (#123)
cmd-appeal-reason = reason
    .description = Why it is wrong

cmd-review = review
    .description = Review members' appeals: list them, accept (reverses the entry) or reject
cmd-review-list = list
    .description = Open appeals, oldest first
cmd-review-accept = accept
    .description = Accept an appeal: the entry is reversed (audited) and the member told
cmd-review-accept-appeal = appeal
    .description = The appeal's number
cmd-review-accept-note = note
    .description = A note for the member and the audit trail
cmd-review-reject = reject
    .description = Reject an appeal: the entry stands and the member is told why
cmd-review-reject-appeal = appeal
    .description = The appeal's number
cmd-review-reject-note = note
    .description = Why (the member is told)

cmd-vacation = vacation
    .description = Pause your decay for a few days (moderators: end someone's vacation)
cmd-vacation-days = days
    .description = Days away (at most vacation.max_days); your standing does not decay meanwhile
cmd-vacation-end = end
    .description = Moderators: end this member's vacation now

cmd-mark_solution = Mark as solution
    .description = Mark this message as the answer that solved the question (the asker or a moderator)

cmd-report = report
    .description = Givers, takers, matchers, quiet members, decay risks and movers
cmd-report-window = window
    .description = Window in days (default: 90)

cmd-config = config
    .description = View or change this server's Goodwill settings
cmd-config-view = view
    .description = Show the settings in force in this server
cmd-config-set = set
    .description = Change one setting (e.g. key `decay.recent_half_life_days`, value `45`)
cmd-config-set-key = key
    .description = Setting to change, as shown by /config view (dotted key)
cmd-config-set-value = value
    .description = New value (TOML: 45, 0.5, true, "text", ["a", "b"])
cmd-config-preview = preview
    .description = What some settings would change, replayed on this server's ledger; changes nothing
cmd-config-preview-changes = changes
    .description = Settings to try: key=value key2=value2 (e.g. decay.recent_half_life_days=45)
cmd-config-api-token = api-token
    .description = Tokens for the read-only web API (/api/v1/g/<server id>/...)
cmd-config-api-token-create = create
    .description = Create an API token; it is shown once, only to you
cmd-config-api-token-create-name = name
    .description = A name to recognise and revoke it by (e.g. dashboard)
cmd-config-api-token-revoke = revoke
    .description = Revoke an API token by name
cmd-config-api-token-revoke-name = name
    .description = The token's name (see /config api-token list)
cmd-config-api-token-list = list
    .description = List this server's API tokens (names and dates, never the tokens)

cmd-adjust = adjust
    .description = Add to or take from a member's balance, with a reason (recorded in the ledger)
cmd-adjust-member = member
    .description = Whose balance to adjust
cmd-adjust-amount = amount
    .description = Points to add (negative to take away)
cmd-adjust-reason = reason
    .description = Why (kept in the ledger)

