// Package index keeps the library of reports that planbot answers from:
// each report parsed (package report), cut into words with a dictionary of
// its own (package segment) and indexed with bleve, on disk in a data
// directory.
//
// # The data directory
//
//	catalog.json        the reports being served; replaced atomically, it is the one truth
//	reports/ID-GEN/     one report: report.bin (the parsed report and its words as
//	                    its dictionary cuts them, stored lean: stored.go),
//	                    dict.txt (its own part of its pruned gse dictionary)
//	                    and bleve/ (its index); never changed
//	added/ID-GEN.EXT    the files admins added, each referred to by its catalog entry
//	.lock               held by a writer while it works
//
// # Readers and writers
//
// Readers (questions, listings) never take the lock and never write. View
// gives them a Snapshot: the catalog as read at one moment. A report of the
// snapshot is opened when a question needs it (Snapshot.Open) and kept in a
// cache of open reports shared by all snapshots, bounded by their number
// and by what they hold (Options.OpenReports, OpenBytes); a report in use
// is never closed under its reader. An open report keeps its sentences and
// figures as the fixed-size records of report.bin (body.go), decoded when
// a question asks for one. A catalog written by another process is picked
// up within two seconds.
//
// Writers (Rebuild, Add, Remove) take the lock, read the catalog again, do
// their work in new directories that no catalog refers to yet, and commit
// by replacing the catalog. Adding a report builds that report only; the
// others keep their directories, dictionaries and answers. A writer that
// fails removes what it wrote; one that is killed leaves files that no
// catalog refers to, which the next writer removes. Either way the old
// catalog keeps serving.
//
// # Dictionaries
//
// gse's full dictionary (about a second and 200 MB to load) is loaded only
// by writers. Each report keeps a pruned dictionary: the words of the full
// one found in its text and in Options.Keep, the common words, and a
// balancing entry, which cut its text exactly as the full dictionary does.
// The common words are the same for every report: they are built into
// planbot (segment.Common) and dict.txt holds only the rest, so that an
// open report costs tens of kilobytes of dictionary, not hundreds.
// A reader opens it lazily (segment.Lazy): an index of its words, from
// which each question is cut with the few words found in it, in well
// under a millisecond; what needs the whole report cut (its words, the
// parts of its long words) was written at build time (report.bin). The
// dictionary is registered with package segment under a name that the
// report's bleve mapping records, so a report is always searched with the
// dictionary it was indexed with.
package index
