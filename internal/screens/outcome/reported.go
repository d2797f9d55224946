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

// reportLines are the "what you reported" lines, empty when none are known.
func (m Model) reportLines() []string {
	s, w := m.st, m.w
	var out []string
	if m.tonight {
		out = append(out, "")
		out = append(out, style.Paras("The check at "+m.reportedAt.Format("15:04")+" closed the routine: no routine until "+
			night.OpensAt(m.until, m.reportedAt)+".", w, s.Outcome.Line)...)
	}
	reported := m.advice.Reported
	if len(reported) == 0 {
		return out
	}
	out = append(out, "")
	out = append(out, style.Paras("What you reported at "+m.reportedAt.Format("15:04")+" (take this with you):", w, s.Outcome.Headline)...)
	bullet := s.Outcome.Bullet.Render("-") + " "
	for _, r := range reported {
		out = append(out, style.Hang(bullet, r, w, s.Outcome.Line)...)
	}
	if safety.EndsSession(m.advice.Tier) {
		out = append(out, "")
		out = append(out, style.Paras("On paper or on a phone: supine report --card writes this out with the time.", w, s.Muted)...)
	}
	return out
}
