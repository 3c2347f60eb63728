package bot

// SetPacing turns the sender's pacing to Telegram's limits (one message a
// second per chat, 20 a minute per group, 30 a second overall) on, as New
// leaves it, or off. Off is for load tests against a fake Bot API server
// (planbot/bot/loadtest), which measure what the bot itself can do; never
// turn it off on a bot that talks to Telegram. Retries, backoff and flood
// waits are kept either way. Call it before Run or between bursts of
// traffic: the chats' buckets start afresh.
func (b *Bot) SetPacing(on bool) {
	const unlimited = 1e9
	s := b.send
	s.mu.Lock()
	defer s.mu.Unlock()
	l := defaultLimits
	if !on {
		l.chatRate, l.chatBurst = unlimited, unlimited
		l.groupRate, l.groupBurst = unlimited, unlimited
		l.globalRate, l.globalBurst = unlimited, unlimited
	}
	s.limits.chatRate, s.limits.chatBurst = l.chatRate, l.chatBurst
	s.limits.groupRate, s.limits.groupBurst = l.groupRate, l.groupBurst
	s.limits.globalRate, s.limits.globalBurst = l.globalRate, l.globalBurst
	s.chats = map[int64]*bucket{}
	s.groups = map[int64]*bucket{}
	s.global = newBucket(l.globalRate, l.globalBurst, s.now())
}

// tryOverall takes a token of the overall budget if one is free now and
// reports whether it did: for calls skipped rather than made to wait, such
// as the "typing" chat action. A chat action is no message in a chat: the
// chat's and the group's budgets are left to messages.
func (s *sender) tryOverall() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.global.refill(s.now())
	if s.global.tokens < 1 {
		return false
	}
	s.global.tokens--
	return true
}
