package recheck

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/supine-app/supine/screens/style"
)

// whatCounts is CONTENT.md section 4 cut to one line: the red flags a person
// could notice between one night and the next.
const whatCounts = "New numbness or weakness, a bladder or bowel change, a fever, or pain that nothing eases."

// View draws, from the top: the screen's name and how long ago the last full
// check was, the question, what counts as new, and the two answers with
// their keys. Lines that are only helpful (what to do when unsure, the
// 7-day rule) and the blank lines between blocks go first when room is
// short; the answers stay.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s, w := m.st, m.w
	foot := style.HelpView(m.help, m.keys, w)
	room := m.h - len(style.Lines(foot))

	name := s.Calm.Bold(true).Render("Red-flag check")
	header := name
	if a := Ago(m.last, m.now, m.rollover); a != "" {
		ago := s.Muted.Render("full check " + a)
		// The name is never cut for the sake of the date beside it.
		if lipgloss.Width(name)+1+lipgloss.Width(ago) <= w {
			header = style.Spread(name, ago, w)
		}
	}
	blocks := [][]string{
		{header},
		render(style.Wrap("Anything new since "+Since(m.last, m.now, m.rollover)+"?", w), s.Title),
		render(style.Wrap(whatCounts, w), s.Body),
		m.answers(),
		render(style.Wrap("Not sure? Press y.", w), s.Muted),
		render(style.Wrap("The full check comes back every 7 days.", w), s.Muted),
	}
	const required = 4 // header, question, what counts, answers
	// The notes go before the two blank lines that matter most for reading.
	for len(blocks) > required && count(blocks)+2 > room {
		blocks = blocks[:len(blocks)-1]
	}
	gaps := spacing(len(blocks), room-count(blocks))
	var out []string
	for i, b := range blocks {
		if gaps[i] {
			out = append(out, "")
		}
		out = append(out, b...)
	}
	return style.Page(w, m.h, strings.Join(out, "\n"), foot)
}

// answers are the two keys, named in words as well as shown in the key
// colour, so they read without colour too.
func (m Model) answers() []string {
	s, w := m.st, m.w
	yes := style.Hang(s.Key.Render("y")+"  ", "yes, something is new: full check", w, s.Body)
	no := style.Hang(s.Key.Render("n")+"  ", "no, nothing new", w, s.Body)
	return append(yes, no...)
}

func render(lines []string, st lipgloss.Style) []string {
	for i, l := range lines {
		lines[i] = st.Render(l)
	}
	return lines
}

// gapOrder is where blank lines go first when only some fit: under the
// header, above the answers, under the question, then above the notes.
var gapOrder = []int{1, 3, 2, 4, 5}

// spacing says which of n blocks get a blank line above them, given free
// lines to spend.
func spacing(n, free int) []bool {
	gaps := make([]bool, n)
	for _, i := range gapOrder {
		if free <= 0 {
			break
		}
		if i < n {
			gaps[i] = true
			free--
		}
	}
	return gaps
}

func count(blocks [][]string) int {
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	return n
}
