package tips

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/screens/style"
)

// View draws the tabs and the set-up of the one on show, scrolled when it
// does not fit.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	body := append(m.header(), style.Lines(m.vp.View())...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), m.helpView())
}

func (m Model) roomy() bool { return m.h >= 16 }

// layout sizes the viewport and fills it with the tab on show.
func (m Model) layout() Model {
	if m.w <= 0 || m.h <= 0 || len(m.setups) == 0 {
		return m
	}
	// Twice: showing the scroll keys can change the help's height.
	for range 2 {
		room := max(m.h-len(m.header())-len(style.Lines(m.helpView())), 0)
		lines := m.content()
		m.vp.SetWidth(m.w)
		m.vp.SetHeight(min(room, len(lines)))
		m.vp.SetContentLines(lines)
		m.keys = m.keys.scrolling(len(lines) > room)
	}
	return m
}

func (m Model) header() []string {
	s := m.st
	mark := s.Muted.Render(style.ScrollMark(m.vp.AtTop(), m.vp.AtBottom()))
	out := []string{style.Spread(s.Title.Render("Sleep setup"), mark, m.w), m.tabs()}
	if m.roomy() {
		out = append(out, "")
	}
	return out
}

// tabs is the row of positions: the one on show bracketed, tonight's one
// ticked, so neither depends on colour.
func (m Model) tabs() string {
	s := m.st
	var cells []string
	for i, su := range m.setups {
		label := strconv.Itoa(i+1) + " " + name(su.Position)
		if su.Position == m.current {
			label += " ✓"
		}
		if i == m.active {
			cells = append(cells, s.Tips.ActiveTab.Render("["+label+"]"))
			continue
		}
		cells = append(cells, s.Tips.Tab.Render(" "+label+" "))
	}
	return style.Truncate(strings.Join(cells, " "), m.w)
}

// content is the set-up on show, then what holds for every position.
func (m Model) content() []string {
	s, w := m.st, m.w
	su := m.setups[m.active]
	var out []string
	title := s.Tips.Heading.Render(su.Title)
	if su.Position == m.current {
		title += s.Tips.Current.Render(" · ✓ tonight")
	} else {
		title += s.Muted.Render(" · enter to use from tonight on")
	}
	out = append(out, style.Truncate(title, w))
	out = append(out, style.Hang(s.Tips.Label.Render(fmt.Sprintf("%-5s", "Head"))+"  ", su.Head, w, s.Tips.Text)...)
	out = append(out, style.Hang(s.Tips.Label.Render(fmt.Sprintf("%-5s", su.BodyPart))+"  ", su.Body, w, s.Tips.Text)...)
	bullet := s.Muted.Render("•") + " "
	for _, e := range su.Extra {
		out = append(out, style.Hang(bullet, e, w, s.Tips.Text)...)
	}
	out = append(out, "")
	for _, l := range style.Wrap(guide.Alignment(), w) {
		out = append(out, s.Calm.Render(l))
	}
	out = append(out, "", s.Tips.Heading.Render("Mattress"))
	for _, l := range guide.Mattress() {
		out = append(out, style.Hang(bullet, l, w, s.Tips.Text)...)
	}
	return out
}

func (m Model) helpView() string { return m.help.View(m.st.Help, m.keys, m.w) }

// name is a position as a tab shows it.
func name(p guide.Position) string {
	s := string(p)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
