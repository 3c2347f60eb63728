package telegramtest

import "github.com/go-telegram/bot/models"

// Drain returns the calls recorded since the server started or since the
// last Drain, oldest first, and forgets them together with the stored
// messages (chats, pending updates and message numbering are kept), so that
// a long load test does not keep every call and message in memory. After
// it, Calls and Sent see only what came later, and a reply to a forgotten
// message is checked as a reply to a missing one.
func (s *Server) Drain() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	calls := s.calls
	s.calls = nil
	s.msgs = map[int64]map[int]*models.Message{}
	s.byBot = map[int64]map[int]bool{}
	return calls
}
