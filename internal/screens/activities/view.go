package activities

import (
	"fmt"
	"strings"

	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/screens/style"
)

// View draws the mode on show within the size given.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s, w := m.st, m.w
	var out []string
	para := func(text string, render func(...string) string) {
		for _, l := range style.Wrap(text, w) {
			out = append(out, render(l))
		}
	}
	roomy := m.h >= 18
	gap := func() {
		if roomy {
			out = append(out, "")
		}
	}
	out = append(out, s.Title.Render(style.Truncate("Activities your back makes hard", w)))
	switch m.mode {
	case naming:
		n := len(m.data.Series) + 1
		para(fmt.Sprintf("Activity %d of up to %d. %s", n, psfs.Max, psfs.NamePrompt), s.Body.Render)
		gap()
		out = append(out, m.input.view(s, w))
		if m.notice != "" {
			para(m.notice, s.Warn.Render)
		}
		gap()
		para("Then enter. Once a week you rate how well you can do it.", s.Muted.Render)
	case rating:
		a := m.queue[m.at]
		para(fmt.Sprintf("%d of %d · %s", m.at+1, len(m.queue), a.Name), s.Selected.Render)
		gap()
		para(psfs.Question, s.Body.Render)
		para(psfs.Low+" · "+psfs.High, s.Muted.Render)
		gap()
		typed := m.typed
		if typed == "" {
			typed = "_"
		}
		out = append(out, style.Truncate(s.Title.Render(typed)+s.Muted.Render(" · type 0 to 10, then enter"), w))
	case dropping:
		para("Which activity do you no longer want to rate? Its past scores stay.", s.Body.Render)
		gap()
		out = append(out, m.list(true)...)
	default:
		if m.data.Status.Due {
			para("A rating is due: a minute, once a week.", s.Warn.Render)
		} else if !m.data.Status.Next.IsZero() {
			para("Next rating from "+m.data.Status.Next.Format("Mon 2 Jan")+".", s.Muted.Render)
		}
		gap()
		out = append(out, m.list(false)...)
		gap()
		para(psfs.Low+" · "+psfs.High+". Your GP or physio can read them in supine report.", s.Muted.Render)
	}
	return style.Page(w, m.h, strings.Join(out, "\n"), m.help.View(m.st.Help, m.keys, w))
}

// list is each activity with its last score; numbered to pick one.
func (m Model) list(numbered bool) []string {
	s, w := m.st, m.w
	var out []string
	for i, sr := range m.data.Series {
		last := "not rated yet"
		if n := len(sr.Points); n > 0 {
			p := sr.Points[n-1]
			last = fmt.Sprintf("%d on %s", p.Score, p.At.Format("2 Jan"))
			if n > 1 {
				last += fmt.Sprintf(" (first %d)", sr.Points[0].Score)
			}
		}
		lead := "• "
		if numbered {
			lead = fmt.Sprintf("%d ", i+1)
		}
		out = append(out, style.Hang(lead, sr.Activity.Name+": "+last, w, s.Body)...)
	}
	return out
}
