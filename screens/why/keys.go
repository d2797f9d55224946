package why

import "charm.land/bubbles/v2/key"

// keyMap is every key the explainer answers to.
type keyMap struct {
	Up, Down       key.Binding
	PageUp, PageDn key.Binding
	Top, Bottom    key.Binding
	Back, Quit     key.Binding
	Help           key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp: key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDn: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn/space", "page down")),
		Top:    key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom: key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "end")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:   key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

// scrolling shows the scroll keys only when there is something to scroll.
func (k keyMap) scrolling(on bool) keyMap {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDn, &k.Top, &k.Bottom} {
		b.SetEnabled(on)
	}
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDn},
		{k.Top, k.Bottom},
		{k.Back, k.Quit, k.Help},
	}
}
