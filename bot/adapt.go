package bot

import (
	"context"

	"planbot/answers"
	"planbot/index"
)

// EngineAsker lets the bot ask an answers.Engine.
func EngineAsker(e *answers.Engine) Asker { return engineAsker{e} }

type engineAsker struct{ e *answers.Engine }

// Ask asks with Explain, for how the question was understood (kept in the
// feedback log); the bot drops the trace once it has read it.
func (a engineAsker) Ask(ctx context.Context, q string, top int) (answers.Result, error) {
	return a.e.Ask(ctx, q, answers.Options{Top: top, Explain: true})
}

// AskWithin asks within the section under heading of one report.
func (a engineAsker) AskWithin(ctx context.Context, q, reportID, heading string, top int) (answers.Result, error) {
	return a.e.Ask(ctx, q, answers.Options{Top: top, Explain: true, ReportID: reportID, Within: heading})
}

// SetVocabulary makes the engine answer with v from the next question on.
func (a engineAsker) SetVocabulary(v *answers.Vocabulary) { a.e.SetVocabulary(v) }

// IndexLibrary gives the bot's admins an index.Library.
func IndexLibrary(l *index.Library) Library { return indexLibrary{l} }

type indexLibrary struct{ l *index.Library }

func (l indexLibrary) Reports() []ReportInfo {
	var out []ReportInfo
	for _, e := range l.l.Reports() {
		out = append(out, reportInfo(e))
	}
	return out
}

func reportInfo(e index.Entry) ReportInfo {
	m := e.Meta
	return ReportInfo{ID: m.ID, Title: m.Title, Region: m.Region, ReviewYear: m.ReviewYear, PlanYear: m.PlanYear,
		Sentences: e.Sentences, Figures: e.Figures}
}

func (l indexLibrary) Paragraph(id string, p int) (string, bool) { return l.l.Paragraph(id, p) }

func (l indexLibrary) Reindex(ctx context.Context, progress func(string)) (Stats, error) {
	st, err := l.l.Rebuild(ctx, progress)
	return Stats{Sentences: st.Sentences, Figures: st.Figures}, err
}

func (l indexLibrary) Add(ctx context.Context, name string, data []byte, progress func(string)) (ReportInfo, error) {
	e, err := l.l.Add(ctx, name, data, index.AddOptions{Progress: progress})
	if err != nil {
		return ReportInfo{}, err
	}
	return reportInfo(e), nil
}

func (l indexLibrary) Remove(ctx context.Context, id string) error {
	return l.l.Remove(ctx, id)
}
