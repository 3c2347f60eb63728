// Package answers answers a question about the reports of a library, or
// says that they do not answer it. A question goes through stages, each in
// a file of its own:
//
//   - normalize.go: chat noise, @names, full-width forms, Traditional
//     characters and Chinese numerals out;
//   - vocab.go: the vocabulary's aliases (GDP, 社零, R&D) add the terms
//     reports use; the user's own word stays a topic;
//   - understand.go: the intent (target, result, how, definition, rank),
//     the years and the span asked, the unit asked;
//   - choose.go: the report that answers (a place or year named, else the
//     newest of the default region), found through route.go's indexes of
//     the catalog's places, made once per catalog; places.go tells a place
//     asked about from one that only sets the scene, and names back only
//     real places (places.txt) when no report covers one;
//   - topics.go: the question's topics, each with the words that say it in
//     this report (homophones of typos, abbreviations, English) and a
//     weight by how rare it is;
//   - candidates.go: the sentences found for the topics;
//   - features.go: what each candidate is measured by (coverage of the
//     topics, part, period, span, unit…), and its score, the features
//     weighted by Weights (weights.go); shares.go keeps the base of a
//     share (占地区生产总值比重) or of a comparison (增速高于地区生产总值
//     增速) from saying its topic;
//   - gates.go: the named rules that keep a sentence from answering
//     whatever its score (a figure of another year, another unit…), and
//     the one exception, standout: when nothing passes, a sentence far
//     above every other, or the one sentence saying the topic the asking
//     clause names, that says the weightiest topic answers;
//   - compose.go: the answer: the sentence, its figures, its section; for
//     a question the report does not answer, the headings nearest to it;
//     siblings.go adds the clause of a list (parted by ；) that says the
//     other topics of a question asking several figures;
//   - within.go: the question asked again within one of those headings,
//     which the asker picked (Options.Within): a fifth of the question
//     is enough there, and when no sentence passes the gates, the best
//     that failed only a gate after the coverage gate is given with that
//     gate's note (此句没有所问的数字).
//
// The word lists that shape questions are data (words.txt), read by the
// same loader as the vocabulary (vocab.txt). Open wires a library and an
// engine together (setup.go). PLANBOT_DEBUG, or Options.Explain for one
// question, shows how a question was understood and each candidate's
// features, score, section and the gate that rejected it (planbot ask
// --explain).
package answers
