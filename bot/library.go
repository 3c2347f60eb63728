package bot

import (
	"context"

	"planbot/answers"
)

// Asker answers questions.
type Asker interface {
	// Ask returns at most top answers to question, best first.
	Ask(ctx context.Context, question string, top int) (answers.Result, error)
}

// SectionAsker asks a question within the section under one heading of a
// report: a heading offered for a question the report does not answer
// (Result.Closest), which the asker picked. With an Asker that is not one,
// picking a heading asks the heading itself, as a question of its own.
type SectionAsker interface {
	AskWithin(ctx context.Context, question, reportID, heading string, top int) (answers.Result, error)
}

// Library is the admins' view of the report collection.
type Library interface {
	// Reports lists the reports being served.
	Reports() []ReportInfo
	// Paragraph returns the whole paragraph a sentence came from, for the
	// 原文 button.
	Paragraph(reportID string, paragraphID int) (string, bool)
	// Reindex rebuilds the index from the seeds directory, reporting each
	// stage (e.g. "解析…", "索引…") to progress.
	Reindex(ctx context.Context, progress func(stage string)) (Stats, error)
	// Add adds a report file. Its errors may carry a reason in Chinese meant
	// for the admin, e.g. "scan.pdf: 这是扫描版 PDF（只有图片，没有文字层），无法读取文字；…".
	Add(ctx context.Context, filename string, data []byte, progress func(stage string)) (ReportInfo, error)
	// Remove removes a report.
	Remove(ctx context.Context, id string) error
}

// ReportInfo describes one report of the collection.
type ReportInfo struct {
	ID         string
	Title      string
	Region     string
	ReviewYear int // the year the report reviews, e.g. 2024
	PlanYear   int // the year it plans, e.g. 2025
	Sentences  int
	Figures    int
}

// Stats counts what an index holds.
type Stats struct {
	Sentences int
	Figures   int
}
