package activities

import "charm.land/bubbles/v2/key"

// keyMap is every key the screen answers to; forMode enables those of the
// mode on show.
type keyMap struct {
	Rate, Add, Drop key.Binding
	Digit, Confirm  key.Binding
	Back, Quit      key.Binding
	Help            key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Rate:    key.NewBinding(key.WithKeys("r", "enter"), key.WithHelp("r", "rate now")),
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add an activity")),
		Drop:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "stop rating one")),
		Digit:   key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-10", "score")),
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}.forMode(overview, true)
}

func (k keyMap) forMode(m mode, canAdd bool) keyMap {
	k.Rate.SetEnabled(m == overview)
	k.Add.SetEnabled(m == overview && canAdd)
	k.Drop.SetEnabled(m == overview)
	k.Digit.SetEnabled(m == rating || m == dropping)
	k.Confirm.SetEnabled(m == rating || m == naming)
	// q is a letter of a name while one is typed.
	k.Quit.SetEnabled(m != naming)
	k.Help.SetEnabled(m != naming)
	if m == dropping {
		k.Digit.SetHelp("1-3", "which")
	} else {
		k.Digit.SetHelp("0-10", "score")
	}
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Rate, k.Add, k.Drop, k.Digit, k.Confirm, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Rate, k.Add, k.Drop}, {k.Digit, k.Confirm}, {k.Back, k.Quit, k.Help}}
}
