package history

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens/style"
)

// recentLimit is how many sessions the list shows; the export has them all.
const recentLimit = 30

// View is the screen in exactly w x h. The renderer asks for it after every
// message, so it is drawn ahead, when the size, styles, help or scroll change.
func (m Model) View() string { return m.frame }

// draw lays out the title with a scroll mark, the scrolled content, and the
// keys.
func (m Model) draw() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s := m.st.History
	top := style.Spread(s.Title.Render("History"), s.Muted.Render(style.ScrollMark(m.vp.AtTop(), m.vp.AtBottom())), m.w)
	body := append([]string{top}, style.Lines(m.vp.View())...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), m.helpView())
}

// layout fits the viewport to what the title and the keys leave and fills
// it. It runs on size, style and help changes only, never per frame.
func (m Model) layout() Model {
	if m.w <= 0 || m.h <= 0 {
		return m
	}
	// Twice: showing the scroll keys can change the help's height.
	for range 2 {
		room := max(m.h-1-len(style.Lines(m.helpView())), 0)
		lines := m.content()
		m.vp.SetWidth(m.w)
		m.vp.SetHeight(min(room, len(lines)))
		m.vp.SetContentLines(lines)
		m.keys = m.keys.scrolling(len(lines) > room)
	}
	m.frame = m.draw()
	return m
}

func (m Model) helpView() string { return m.help.View(m.st.Help, m.keys, m.w) }

// content is everything below the title, most telling first: the streak and
// the comparison, the nudge, the chart, then the sessions.
func (m Model) content() []string {
	s, w := m.st.History, m.w
	var out []string
	gap := func() {
		if m.h >= 20 && len(out) > 0 {
			out = append(out, "")
		}
	}
	para := func(text string, st interface{ Render(...string) string }) {
		for _, l := range style.Wrap(text, w) {
			out = append(out, st.Render(l))
		}
	}
	if m.data.Note != "" {
		para(m.data.Note, s.Muted)
	}
	if len(m.data.Sessions) == 0 {
		gap()
		para("No sessions yet. After your first routine, this page shows each night with how tight "+
			"your back felt before and after, a chart of the weeks, and how many nights in a row you have kept it up.", s.Muted)
		return append(out, m.activities(gap)...)
	}

	gap()
	para(m.streakLine(), s.Streak)
	para(fmt.Sprintf("Used on %d of the last %d nights (a night with a check-in, a check or a step done).", m.used, usedNights), s.Text)
	for _, l := range m.comparison() {
		para(l, s.Text)
	}
	if n := m.data.Nudge; n != nil {
		gap()
		para(safety.TierName(safety.Book)+" · "+safety.TierLabel(safety.Book), s.NudgeHead)
		para(n.Text, s.Nudge)
	}
	if len(m.data.Precautions) > 0 {
		gap()
		para("Precautions", s.Heading)
		for _, l := range m.data.Precautions {
			para(l, s.Text)
		}
	}
	if len(m.data.Clinician) > 0 {
		gap()
		para("A clinician has checked", s.Heading)
		for _, l := range m.data.Clinician {
			para(l, s.Text)
		}
	}

	gap()
	para(fmt.Sprintf("Tightness each week, 0 to 10, last %d weeks", chartWeeks), s.Heading)
	switch {
	case hasCheckins(m.weeks) && w < minChartWidth:
		para("The chart needs a wider window.", s.Muted)
	case hasCheckins(m.weeks):
		out = append(out, chart(s, m.weeks, w, chartRows(m.h))...)
		out = append(out, style.Flow([]string{
			s.BarBefore.Render("█") + s.Label.Render(" before (left)"),
			s.BarAfter.Render("█") + s.Label.Render(" after (right)"),
		}, "   ", w)...)
	default:
		para("No check-ins in these weeks yet.", s.Muted)
	}

	out = append(out, m.activities(gap)...)

	gap()
	para("Recent sessions", s.Heading)
	shown := m.data.Sessions[:min(len(m.data.Sessions), recentLimit)]
	dateW := 0
	for _, sess := range shown {
		dateW = max(dateW, len(m.nightLabel(sess)))
	}
	for _, sess := range shown {
		out = append(out, m.sessionLines(sess, dateW)...)
	}
	if more := len(m.data.Sessions) - len(shown); more > 0 {
		para(fmt.Sprintf("and %d earlier; supine history --csv lists them all.", more), s.Muted)
	}
	return out
}

func (m Model) streakLine() string {
	switch m.streak {
	case 0:
		return "No nights in a row just now; tonight can start a new run."
	case 1:
		return "1 night in a row."
	}
	return fmt.Sprintf("%d nights in a row.", m.streak)
}

// comparison is this week against the first, in words and figures.
func (m Model) comparison() []string {
	if !m.cmpOK {
		return []string{"Check in before the routine on a few nights, and this week will be set against your first."}
	}
	f, t := m.cmp.First, m.cmp.This
	out := []string{fmt.Sprintf("Tightness before the routine: %.1f in your first week, %.1f this week.", f.Before.Avg(), t.Before.Avg())}
	if f.After.N > 0 && t.After.N > 0 {
		out = append(out, fmt.Sprintf("After it: %.1f in your first week, %.1f this week.", f.After.Avg(), t.After.Avg()))
	}
	return out
}

func hasCheckins(weeks []hist.Week) bool {
	for _, w := range weeks {
		if w.Before.N > 0 || w.After.N > 0 {
			return true
		}
	}
	return false
}

// nightLabel names the night a session belongs to; the year shows only when
// it is not this one.
func (m Model) nightLabel(sess hist.Session) string {
	night := hist.Night(sess.Start.In(m.data.Now.Location()), m.data.RolloverHour)
	if night.Year() != m.data.Now.Year() {
		return night.Format("2 Jan 2006")
	}
	return night.Format("Mon 2 Jan")
}

// sessionLines is one session: its night, the check-ins before and after,
// the routine, and in words whether it was partial, stopped for pain or met
// a red flag. The marks move to a second line when they do not fit.
func (m Model) sessionLines(sess hist.Session, dateW int) []string {
	s, w := m.st.History, m.w
	date := s.Date.Render(pad(m.nightLabel(sess), dateW))
	score := s.Score.Render(pad(scoreText(sess.Before)+" → "+scoreText(sess.After), 7))
	lead := date + "  " + score + "  "
	var marks []string
	if sess.Partial {
		marks = append(marks, s.Partial.Render("partial"))
	}
	if sess.StoppedForPain {
		marks = append(marks, s.Stopped.Render("stopped for pain"))
	}
	switch sess.RedFlag {
	case hist.TierBook:
		marks = append(marks, s.Flag.Render(sess.RedFlag))
	case hist.TierUrgent, hist.TierEmergency:
		marks = append(marks, s.FlagSerious.Render(sess.RedFlag))
	}
	mark := strings.Join(marks, s.Muted.Render(" · "))
	routine := s.Routine.Render(sess.Routine)
	one := lead + routine
	if mark != "" {
		one += "  " + mark
	}
	if ansi.StringWidth(one) <= w || mark == "" {
		return []string{style.Truncate(one, w)}
	}
	indent := strings.Repeat(" ", dateW+2)
	return []string{style.Truncate(lead+routine, w), style.Truncate(indent+mark, w)}
}

func scoreText(v *int) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprint(*v)
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}
