package outcome

import "charm.land/bubbles/v2/key"

// keyMap is every key the outcome screen answers to. Which ones are enabled
// depends on the outcome: only BOOK, asked in the routine, has a key that
// goes on, and only the pain stop has a key to the check.
type keyMap struct {
	Up, Down       key.Binding
	PageUp, PageDn key.Binding
	Yes, No        key.Binding
	Check          key.Binding
	Back, Quit     key.Binding
	Help           key.Binding
}

func newKeyMap(k kind) keyMap {
	m := keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp: key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDn: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, go on")),
		No:     key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no, back home")),
		Check:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "red-flag check")),
		Back:   key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "back home")),
		Quit:   key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
	asks := k == kindBook
	m.Yes.SetEnabled(asks)
	m.No.SetEnabled(asks)
	m.Back.SetEnabled(!asks)
	m.Check.SetEnabled(k == kindPain)
	return m
}

// scrolling shows the scroll keys only when there is something to scroll.
func (k keyMap) scrolling(on bool) keyMap {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDn} {
		b.SetEnabled(on)
	}
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Yes, k.No, k.Check, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Yes, k.No, k.Check, k.Back},
		{k.Up, k.Down, k.PageUp, k.PageDn},
		{k.Quit, k.Help},
	}
}
