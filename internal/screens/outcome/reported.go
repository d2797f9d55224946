package outcome

import (
	"time"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens/style"
)

// Reported adds what the person answered yes to, with the time, in words a
// nurse on the phone can read back. Tonight's outcome shows it again every
// time the app is opened that night.
func (m Model) Reported(at time.Time, yes []string) Model {
	m.reportedAt = at
	m.yes = append([]string(nil), yes...)
	return m.advise().layout()
}

// Closed marks the outcome as one that still closes the routine, shown
// again: the screen says above the advice until when (the clock time the
// routine opens again, never "the morning").
func (m Model) Closed(until time.Time) Model {
	m.tonight = true
	m.until = until
	return m.layout()
}

// reportLines are the "what you reported" lines (Advice.ReportedHeading,
// Reported and Card), with, on tonight's outcome shown again, the line
// that says so; empty when none are known.
func (m Model) reportLines() []string {
	s, w := m.st, m.w
	var out []string
	if m.tonight {
		out = append(out, "")
		out = append(out, style.Paras(safety.ShownAgain(m.reportedAt, m.advice.Tier, night.OpensAt(m.until, m.reportedAt)), w, s.Outcome.Line)...)
	}
	a := m.advice
	if len(a.Reported) == 0 {
		return out
	}
	out = append(out, "")
	out = append(out, style.Paras(a.ReportedHeading, w, s.Outcome.Headline)...)
	bullet := s.Outcome.Bullet.Render("-") + " "
	for _, r := range a.Reported {
		out = append(out, style.Hang(bullet, r, w, s.Outcome.Line)...)
	}
	if a.Card != "" {
		out = append(out, "")
		out = append(out, style.Paras(a.Card, w, s.Muted)...)
	}
	return out
}
