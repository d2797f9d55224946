package outcome

import (
	"github.com/supine-app/supine/internal/safety"
	"time"

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

// Tonight marks the outcome as tonight's: the night is over for the
// routine, and the screen says so above the advice.
func (m Model) Tonight() Model {
	m.tonight = true
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
		out = append(out, style.Paras(safety.ShownAgain(m.reportedAt, m.advice.Tier), w, s.Outcome.Line)...)
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
