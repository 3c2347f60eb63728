package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// redactor removes secrets (the bot token, its secret half, the webhook
// secret) from text. The library's error strings can carry the request URL,
// which holds the token.
type redactor struct {
	r *strings.Replacer
}

func newRedactor(secrets ...string) *redactor {
	var pairs []string
	for _, s := range secrets {
		if len(s) >= 6 {
			pairs = append(pairs, s, "***")
		}
	}
	return &redactor{r: strings.NewReplacer(pairs...)}
}

// scrub returns s without secrets.
func (r *redactor) scrub(s string) string { return r.r.Replace(s) }

// redactHandler is a slog.Handler that scrubs secrets from messages and
// string, error and Stringer attributes before passing records on.
type redactHandler struct {
	next slog.Handler
	r    *redactor
}

func (h *redactHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, l)
}

func (h *redactHandler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, h.r.scrub(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *redactHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return &redactHandler{next: h.next.WithAttrs(clean), r: h.r}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{next: h.next.WithGroup(name), r: h.r}
}

func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.r.scrub(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = h.attr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			return slog.String(a.Key, h.r.scrub(x.Error()))
		case fmt.Stringer:
			return slog.String(a.Key, h.r.scrub(x.String()))
		case []byte:
			return slog.String(a.Key, h.r.scrub(string(x)))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
