package outcome

import (
	"charm.land/bubbles/v2/key"

	"github.com/supine-app/supine/internal/screens/scroll"
)

// keyMap is every key the outcome screen answers to. Which ones are enabled
// depends on the outcome: only BOOK, asked in the routine, has a key that
// goes on, and only the pain stop has a key to the check.
type keyMap struct {
	scroll.Keys
	Yes, No    key.Binding
	Check      key.Binding
	Back, Quit key.Binding
	Help       key.Binding
}

func newKeyMap(k kind) keyMap {
	m := keyMap{
		Keys:  scroll.NewKeys(),
		Yes:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, go on")),
		No:    key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no, back home")),
		Check: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "red-flag check")),
		Back:  key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "back home")),
		Quit:  key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:  key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
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
	k.Keys = k.Keys.Enabled(on)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Yes, k.No, k.Check, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Yes, k.No, k.Check, k.Back},
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Quit, k.Help},
	}
}
