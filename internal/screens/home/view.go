package home

import (
	"fmt"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens/style"
)

// layout is how generous the view can be. The view tries the most generous
// first and gives things up, least useful first, until it fits.
type layout struct {
	spacers bool // blank lines between the parts
	wrap    bool // long lines wrap instead of being cut
	detail  bool // "routine 1 of 3" and the routine's note
	split   bool // the brand on a line of its own
	skipped bool // the skipped-files line
	nudge   bool // the nudge line
	adapted bool // why tonight is adapted to the precautions, in full
}

var layouts = []layout{
	{spacers: true, wrap: true, detail: true, split: true, skipped: true, nudge: true, adapted: true},
	{wrap: true, detail: true, split: true, skipped: true, nudge: true, adapted: true},
	{detail: true, split: true, skipped: true, nudge: true, adapted: true},
	{split: true, skipped: true, nudge: true, adapted: true},
	{skipped: true, nudge: true, adapted: true},
	{nudge: true, adapted: true},
	{adapted: true},
	{},
}

// View draws the screen within the size it was given.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	foot := style.HelpView(m.help, m.keys, m.w)
	room := m.h - len(style.Lines(foot))
	var body []string
	for _, l := range layouts {
		body = m.body(l)
		if len(body) <= room {
			break
		}
	}
	return style.Page(m.w, m.h, strings.Join(body, "\n"), foot)
}

func (m Model) body(l layout) []string {
	s, w := m.st, m.w
	var out []string
	gap := func() {
		if l.spacers {
			out = append(out, "")
		}
	}
	text := func(line string, st func(...string) string) {
		if l.wrap {
			for _, part := range style.Wrap(line, w) {
				out = append(out, st(part))
			}
			return
		}
		out = append(out, st(style.Truncate(line, w)))
	}

	tonight := m.tonight()
	if l.split {
		out = append(out, s.Home.Brand.Render("supine"), s.Home.Routine.Render(style.Truncate(tonight, w)))
	} else {
		out = append(out, style.Truncate(s.Home.Brand.Render("supine")+s.Muted.Render(" · ")+s.Home.Routine.Render(tonight), w))
	}
	if l.detail {
		if n := len(m.data.Routines); n > 1 {
			out = append(out, s.Muted.Render(style.Truncate(fmt.Sprintf("routine %d of %d · r or ←/→ to change", m.routine+1, n), w)))
		}
		if note := m.current().Note; note != "" {
			text(note, s.Muted.Render)
		}
	}
	gap()
	for i, e := range menu {
		if m.shown(i) {
			out = append(out, m.menuLine(i, e))
		}
	}
	gap()
	// That tonight is adapted always shows; small, it is one line.
	if len(m.data.Adapted) > 0 {
		if l.adapted {
			for _, r := range m.data.Adapted {
				text(r, s.Home.Nudge.Render)
			}
		} else {
			out = append(out, s.Home.Nudge.Render(style.Truncate(adaptedShort(len(m.data.Adapted)), w)))
		}
		gap()
	}
	if m.data.Notice != "" {
		text(m.data.Notice, s.Home.Notice.Render)
	}
	if l.nudge && m.data.Nudge != "" {
		text(m.data.Nudge, s.Home.Nudge.Render)
	}
	if l.skipped && m.data.Skipped > 0 {
		text(skippedLine(m.data.Skipped), s.Warn.Render)
	}
	if m.data.Notice != "" || (l.nudge && m.data.Nudge != "") || (l.skipped && m.data.Skipped > 0) {
		gap()
	}
	text(safety.DisclaimerLine(), s.Home.Disclaimer.Render)
	return out
}

func (m Model) menuLine(i int, e entry) string {
	s := m.st
	label := e.label
	if i == itemStart && len(m.data.Routines) == 0 {
		label = "No routine to start"
	}
	if i == itemSkip {
		label = "Not tonight: no reminder at " + m.data.Reminder
	}
	if i == m.cursor {
		return style.Truncate(s.Selected.Render(style.Pointer+" "+e.letter+"  "+label), m.w)
	}
	return style.Truncate("  "+s.Home.Shortcut.Render(e.letter)+"  "+s.Home.Item.Render(label), m.w)
}

func (m Model) current() Routine {
	if len(m.data.Routines) == 0 {
		return Routine{}
	}
	return m.data.Routines[m.routine]
}

// tonight is the routine line: "Tonight · 21 min".
func (m Model) tonight() string {
	if len(m.data.Routines) == 0 {
		return "No routines found"
	}
	r := m.current()
	title := r.Title
	if title == "" {
		title = r.Name
	}
	return title + " · " + length(r.Total)
}

// length says how long a routine takes, in whole minutes once it is a
// minute or more: the precise figure is the player's business.
func length(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	}
	return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
}

func skippedLine(n int) string {
	files := "files"
	if n == 1 {
		files = "file"
	}
	return fmt.Sprintf("%d routine %s skipped: run supine routines validate", n, files)
}

func adaptedShort(n int) string {
	if n == 1 {
		return "Tonight is adapted to 1 precaution."
	}
	return fmt.Sprintf("Tonight is adapted to %d precautions.", n)
}
