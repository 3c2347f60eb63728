package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// outlineWidth is how much of a heading an outline shows.
const outlineWidth = 40

// Outline writes the heading tree of a report: each heading with the
// periods of the sentences under it (review or plan, one year or five)
// and how many sentences and figures stand under it.
func (r *Report) Outline(w io.Writer) error {
	m := r.Meta
	fmt.Fprintf(w, "title: %s\nregion: %s · date: %s · review: %d · plan: %d\n", m.Title, m.Region, m.Date, m.ReviewYear, m.PlanYear)
	root := &outlineNode{}
	figures := 0
	for _, s := range r.Sentences {
		root.add(s.Section, periodLabel(s), len(s.Figures))
		figures += len(s.Figures)
	}
	fmt.Fprintf(w, "sentences: %d · figures: %d · paragraphs: %d\n\n", len(r.Sentences), figures, len(r.Paragraphs))
	for _, c := range root.children {
		c.write(w, 0)
	}
	return nil
}

// periodLabel names the period of a sentence: review·year, review·5y,
// plan·year, plan·5y, or the part for the rest.
func periodLabel(s Sentence) string {
	switch s.Part {
	case PartReview, PartPlan:
		if s.Span == SpanFive {
			return string(s.Part) + "·5y"
		}
		return string(s.Part) + "·year"
	}
	return string(s.Part)
}

type outlineNode struct {
	text               string
	children           []*outlineNode
	sentences, figures int
	periods            []string // in the order first seen
}

// add counts a sentence under the nodes of its section path. A heading
// met again after another is a new node: the tree follows the text.
func (n *outlineNode) add(path []string, period string, figures int) {
	for _, h := range path {
		var c *outlineNode
		if k := len(n.children); k > 0 && n.children[k-1].text == h {
			c = n.children[k-1]
		} else {
			c = &outlineNode{text: h}
			n.children = append(n.children, c)
		}
		c.sentences++
		c.figures += figures
		if !slices.Contains(c.periods, period) {
			c.periods = append(c.periods, period)
		}
		n = c
	}
}

func (n *outlineNode) write(w io.Writer, depth int) {
	text := n.text
	if utf8.RuneCountInString(text) > outlineWidth {
		text = string([]rune(text)[:outlineWidth]) + "…"
	}
	fmt.Fprintf(w, "%s%s  [%s] %d s, %d f\n", strings.Repeat("  ", depth), text, strings.Join(n.periods, ", "), n.sentences, n.figures)
	for _, c := range n.children {
		c.write(w, depth+1)
	}
}
