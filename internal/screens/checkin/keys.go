package checkin

import "charm.land/bubbles/v2/key"

// keyMap is every key the check-in answers to. Digits choose (a 0 right
// after a 1 makes ten) and enter keeps the choice; y and n answer the
// waking question.
type keyMap struct {
	Yes, No    key.Binding
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
		Digit:   key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-10", "choose")),
		Yes:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
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

// forWaking switches the keys between the number and the waking question.
func (k keyMap) forWaking(on bool) keyMap {
	for _, b := range []*key.Binding{&k.Digit, &k.Ten, &k.Lower, &k.Higher, &k.Confirm} {
		b.SetEnabled(!on)
	}
	k.Yes.SetEnabled(on)
	k.No.SetEnabled(on)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Digit, k.Confirm, k.Yes, k.No, k.Skip, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Digit, k.Ten, k.Yes, k.No},
		{k.Lower, k.Higher, k.Confirm},
		{k.Skip, k.Back},
		{k.Quit, k.Help},
	}
}
