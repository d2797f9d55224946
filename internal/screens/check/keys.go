package check

import "charm.land/bubbles/v2/key"

// keyMap is every key the red-flag check answers to. Which ones show
// depends on the page: the confirm page has no questions to mark.
type keyMap struct {
	Up, Down     key.Binding
	Toggle, Next key.Binding
	None         key.Binding
	Prev         key.Binding
	Confirm      key.Binding
	Back, Quit   key.Binding
	Help         key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Toggle:  key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "yes")),
		Next:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		None:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "none")),
		Prev:    key.NewBinding(key.WithKeys("b", "left"), key.WithHelp("b", "back a page")),
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave")),
		Quit:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

// forPage enables the keys of a question page, or of the confirm page.
func (k keyMap) forPage(confirm bool) keyMap {
	k.Toggle.SetEnabled(!confirm)
	k.Next.SetEnabled(!confirm)
	k.None.SetEnabled(!confirm)
	k.Confirm.SetEnabled(confirm)
	if confirm {
		k.Prev.SetHelp("b", "go back")
	} else {
		k.Prev.SetHelp("b", "back a page")
	}
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	if k.Confirm.Enabled() {
		return []key.Binding{k.Confirm, k.Prev, k.Help}
	}
	return []key.Binding{k.Toggle, k.Next, k.None, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down},
		{k.Toggle, k.Next, k.None, k.Confirm, k.Prev},
		{k.Back, k.Quit, k.Help},
	}
}
