package tips

import "charm.land/bubbles/v2/key"

// keyMap is every key the sleep-setup screen answers to.
type keyMap struct {
	Next, Prev     key.Binding
	Jump           key.Binding
	Up, Down       key.Binding
	PageUp, PageDn key.Binding
	Use            key.Binding
	Back, Quit     key.Binding
	Help           key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Next:   key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←", "previous")),
		Jump:   key.NewBinding(key.WithKeys("1", "2", "3"), key.WithHelp("1-3", "position")),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp: key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDn: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", "page down")),
		Use:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use tonight")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:   key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

// scrolling shows the scroll keys only when there is something to scroll.
func (k keyMap) scrolling(on bool) keyMap {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDn} {
		b.SetEnabled(on)
	}
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Use, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.Jump},
		{k.Up, k.Down, k.PageUp, k.PageDn},
		{k.Use, k.Back, k.Quit, k.Help},
	}
}
