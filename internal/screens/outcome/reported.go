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

// reportLines are the "what you reported" lines, empty when none are known.
func (m Model) reportLines() []string {
	s, w := m.st, m.w
	var out []string
	if m.tonight {
		out = append(out, "")
		out = append(out, style.Paras("Tonight's check at "+m.reportedAt.Format("15:04")+" ended the routine for tonight. It stays this way until the morning.", w, s.Outcome.Line)...)
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
