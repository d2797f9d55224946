package home

import (
	"fmt"
	"slices"
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
	// extras are the menu items that give way first (activities, heat
	// trial) and their lines; their keys still work and the full help
	// names them.
	extras bool
	// disclaimer is the one-line disclaimer under the menu; without it the
	// menu's "About: not a diagnosis" says it.
	disclaimer bool
	// menu, when above 0, is how many menu items show: a window around the
	// cursor, marked on the first line.
	menu int
}

var layouts = []layout{
	{spacers: true, wrap: true, detail: true, split: true, skipped: true, nudge: true, adapted: true, extras: true, disclaimer: true},
	{wrap: true, detail: true, split: true, skipped: true, nudge: true, adapted: true, extras: true, disclaimer: true},
	{detail: true, split: true, skipped: true, nudge: true, adapted: true, extras: true, disclaimer: true},
	{split: true, skipped: true, nudge: true, adapted: true, extras: true, disclaimer: true},
	{skipped: true, nudge: true, adapted: true, extras: true, disclaimer: true},
	{nudge: true, adapted: true, extras: true, disclaimer: true},
	{nudge: true, adapted: true, disclaimer: true},
	{adapted: true, disclaimer: true},
	{disclaimer: true},
	{},
}

// View draws the screen within the size it was given.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	foot := m.help.View(m.st.Help, m.keys, m.w)
	return style.Page(m.w, m.h, strings.Join(m.body(m.fit()), "\n"), foot)
}

// fit is the most generous layout whose body fits above the help.
func (m Model) fit() layout {
	if m.w <= 0 || m.h <= 0 {
		return layouts[0]
	}
	room := m.h - len(style.Lines(m.help.View(m.st.Help, m.keys, m.w)))
	for _, l := range layouts {
		if len(m.body(l)) <= room {
			return l
		}
	}
	// The smallest layout is still too tall (notices on a 12-row window):
	// the menu shows the items around the cursor, and its letters still
	// work.
	l := layouts[len(layouts)-1]
	l.menu = max(len(m.shown(l))-(len(m.body(l))-room), 3)
	return l
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
	shown := m.shown(l)
	first, last := 0, len(shown)
	if l.menu > 0 && l.menu < len(shown) {
		at := max(slices.Index(shown, m.cursor), 0)
		first = min(max(at-l.menu/2, 0), len(shown)-l.menu)
		last = first + l.menu
	}
	switch {
	case l.split:
		out = append(out, s.Home.Brand.Render("supine"), s.Home.Routine.Render(style.Truncate(tonight, w)))
	case last-first < len(shown):
		mark := s.Muted.Render(style.ScrollMark(first == 0, last == len(shown)))
		out = append(out, style.Spread(style.Truncate(s.Home.Brand.Render("supine")+s.Muted.Render(" · ")+s.Home.Routine.Render(tonight), w-10), mark, w))
	default:
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
	for _, i := range shown[first:last] {
		out = append(out, m.menuLine(i, menu[i]))
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
	if l.extras {
		for _, line := range m.data.Measures {
			text(line, s.Home.Nudge.Render)
		}
	}
	if l.skipped && m.data.Skipped > 0 {
		text(skippedLine(m.data.Skipped), s.Warn.Render)
	}
	if m.data.Notice != "" || (l.nudge && m.data.Nudge != "") || (l.skipped && m.data.Skipped > 0) || (l.extras && len(m.data.Measures) > 0) {
		gap()
	}
	if l.disclaimer {
		text(safety.DisclaimerLine(), s.Home.Disclaimer.Render)
	}
	return out
}

// shown are the menu items the layout draws, in order: the extras give
// way first, but never the one under the cursor.
func (m Model) shown(l layout) []int {
	out := make([]int, 0, len(menu))
	for i := range menu {
		if m.offered(i) && (l.extras || !extra(i) || i == m.cursor) {
			out = append(out, i)
		}
	}
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
