package checkin

import "charm.land/bubbles/v2/key"

// keyMap is every key the check-in answers to. Digits answer at once; ten
// has its own key so that 1 never waits to see whether a 0 follows.
type keyMap struct {
	Digit      key.Binding
	Ten        key.Binding
	Lower      key.Binding
	Higher     key.Binding
	Confirm    key.Binding
	Skip, Back key.Binding
	Quit       key.Binding
	Help       key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Digit:   key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "answer")),
		Ten:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "ten")),
		Lower:   key.NewBinding(key.WithKeys("left", "down", "h", "j"), key.WithHelp("←/↓", "lower")),
		Higher:  key.NewBinding(key.WithKeys("right", "up", "l", "k"), key.WithHelp("→/↑", "higher")),
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		Skip:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Digit, k.Ten, k.Skip, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Digit, k.Ten},
		{k.Lower, k.Higher, k.Confirm},
		{k.Skip, k.Back},
		{k.Quit, k.Help},
	}
}
