package clinician

import (
	"strings"
	"time"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens/dateinput"
	"github.com/supine-app/supine/internal/screens/style"
)

// View draws the title with a scroll mark, the scrolled content, what is
// pinned above the keys (the date being typed, a refusal, what was kept),
// and the keys.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s := m.st
	top := style.Spread(s.Title.Render("A clinician has checked this"), s.Muted.Render(style.ScrollMark(m.vp.AtTop(), m.vp.AtBottom())), m.w)
	body := append([]string{top}, style.Lines(m.vp.View())...)
	body = append(body, m.pinned()...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), m.helpView())
}

func (m Model) helpView() string { return m.help.View(m.st.Help, m.keys, m.w) }

// layout sizes the viewport to what the title, the pinned lines and the
// help leave, and keeps the item under the cursor in view.
func (m Model) layout() Model {
	if m.w <= 0 || m.h <= 0 {
		return m
	}
	// Twice: showing the scroll keys can change the footer's height.
	for range 2 {
		room := max(m.h-1-len(m.pinned())-len(style.Lines(m.helpView())), 0)
		lines, cur := m.lines(room)
		m.vp.SetWidth(m.w)
		m.vp.SetHeight(min(room, len(lines)))
		m.vp.SetContentLines(lines)
		if len(m.data.Items) > 1 {
			m.vp.SetYOffset(style.KeepVisible(m.vp.YOffset(), cur.Top, cur.Bottom, room))
		}
		m.keys = m.keys.scrolling(len(lines) > room, len(m.data.Items))
	}
	return m
}

// lines are the scrolling part, and the lines of the item under the cursor.
func (m Model) lines(room int) ([]string, style.Span) {
	s, w := m.st, m.w
	var out []string
	gap := func() {
		if room >= 10 {
			out = append(out, "")
		}
	}
	gap()
	if m.data.Note != "" {
		out = append(out, style.Paras(m.data.Note, w, s.Warn)...)
		gap()
	}
	var cur style.Span
	items := m.data.Items
	switch {
	case len(items) == 0:
		out = append(out, style.Paras("Nothing to record now. This is for an answer you gave in a red-flag check in the last 4 weeks, "+
			"when a clinician has since assessed it: pain that nothing eases, cancer with this back pain, pain between the shoulder blades, "+
			"or an answer that suggested booking an appointment.", w, s.Outcome.Line)...)
	case len(items) == 1:
		out = append(out, style.Paras("What a clinician assessed:", w, s.Outcome.Line)...)
		out = append(out, style.Hang(s.Outcome.Bullet.Render("-")+" ", items[0].Question.Report, w, s.Outcome.Line)...)
	default:
		out = append(out, style.Paras("Which of these did a clinician assess? Press space to pick each.", w, s.Outcome.Line)...)
		for i, it := range items {
			box := s.Check.Box.Render("[ ]")
			if m.picked[i] {
				box = s.Check.Checked.Render("[x]")
			}
			pointer, text := "  ", s.Outcome.Line
			if i == m.cursor {
				pointer, text = s.Selected.Render(style.Pointer)+" ", s.Selected
			}
			top := len(out)
			out = append(out, style.Hang(pointer+box+" ", it.Question.Report, w, text)...)
			if i == m.cursor {
				cur = style.Span{Top: top, Bottom: len(out)}
			}
		}
	}
	if len(items) > 0 {
		gap()
		for _, p := range dateinput.Prompt(m.data.Now) {
			out = append(out, style.Paras(p, w, s.Outcome.Line)...)
		}
		out = append(out, style.Paras("From that day, for 7 days for pain that nothing eases and 4 weeks for the others, "+
			"the check asks whether it is worse, or different, since then. It never changes an outcome already given.", w, s.Muted)...)
	}
	if len(m.data.Standing) > 0 {
		gap()
		out = append(out, style.Paras("Standing now:", w, s.Outcome.Line)...)
		for _, c := range m.data.Standing {
			out = append(out, style.Hang(s.Outcome.Bullet.Render("-")+" ", c.Question.Report+": checked "+c.CheckedOn.Format("2 Jan")+
				", asked as \u201cworse, or different?\u201d until "+until(c).Format("2 Jan")+".", w, s.Muted)...)
		}
	}
	out = append(out, style.Paras("Never for an emergency sign, a fever, one leg, a weakened immune system or a minor fall: those are asked in full every time.", w, s.Muted)...)
	return out, cur
}

// until is the last day a standing check is asked in its own words.
func until(c Standing) time.Time {
	return c.CheckedOn.AddDate(0, 0, safety.ClinicianCheckDays(c.Question.ID)-1)
}

// pinned stays above the keys: the date being typed, a refusal, and what
// was kept.
func (m Model) pinned() []string {
	s, w := m.st, m.w
	var out []string
	if t := m.date.Typed(); t != "" {
		out = append(out, style.Truncate(s.Outcome.Line.Render("Date: "+t+"_"), w))
	}
	if m.err != "" {
		out = append(out, style.Paras(m.err, w, s.Warn)...)
	}
	if m.note != "" {
		st := s.Calm
		if !m.noteOK {
			st = s.Warn
		}
		out = append(out, style.Paras(m.note, w, st)...)
	}
	return out
}
