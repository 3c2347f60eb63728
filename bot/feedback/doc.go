// Package feedback keeps what planbot's users tell it: their votes on
// answers (👍, 👎 with a reason) and the questions it could not answer,
// so that admins can read them (/feedback, planbot feedback) and turn
// them into question sets for planbot eval.
//
// # The store
//
// One bbolt file, feedback.db, in the data directory:
//
//	entries   key: the time written (unix nanoseconds, 8 bytes big-endian)
//	          and a sequence number (8 bytes); value: the Entry as JSON.
//	          Keys sort by time, so the oldest come first.
//	votes     key: an Entry's Ref (the answer voted on and who voted);
//	          value: the key of that person's vote in entries.
//
// Every operation opens the file, runs one bbolt transaction (a View or
// an Update closure) and closes it again, as the index does with its
// catalog: the bot and a planbot feedback run by hand may use the store at
// the same time. bbolt's file lock makes writers wait for each other (up
// to Options.LockTimeout) and lets readers share; within a process a mutex
// does the same without polling the lock.
//
// A transaction is written copy-on-write and committed by one page (the
// meta page, checksummed) after an fsync: a process killed during a write
// loses that entry only, never the entries written before.
//
// # What is stored, and for how long
//
// An Entry holds the question as asked, how it was understood (the
// report, the intent, the topics), the answers shown with their scores,
// the vote and reason, the chat's type and the time. Users are not stored
// in clear: User is a keyed hash (HMAC-SHA256) of the Telegram user id,
// with a key from the configuration (PLANBOT_FEEDBACK_KEY) or generated
// once and kept beside the store in feedback.key (mode 0600). The same
// person hashes the same way while the key is kept, so their second vote
// on an answer replaces the first; without the key nobody can tell who
// voted. Chat ids are not stored.
//
// Entries older than Options.Retention (default DefaultRetention, 90
// days) are dropped by every write and never listed.
//
// # Reading
//
// List returns the entries since a time, newest first; Summarize groups
// them by question (the 👎 with their reasons, the times a question went
// unanswered) and WriteCases writes the groups as a question set in the
// format of planbot eval, its expected answers left for an admin to fill.
package feedback
