package home

import "charm.land/bubbles/v2/key"

// keyMap is every key the home screen answers to.
type keyMap struct {
	Up, Down, Choose         key.Binding
	NextRoutine, PrevRoutine key.Binding
	Start, Check, Tips       key.Binding
	Why, History, Quit       key.Binding
	Precautions, Skip        key.Binding
	Clinician, About         key.Binding
	Activities, Trial        key.Binding
	Help                     key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		NextRoutine: key.NewBinding(key.WithKeys("r", "right"), key.WithHelp("r/→", "next routine")),
		PrevRoutine: key.NewBinding(key.WithKeys("R", "left"), key.WithHelp("R/←", "previous routine")),
		Start:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start routine")),
		Check:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "red-flag check")),
		Tips:        key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "sleep setup")),
		Why:         key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "why it's tight")),
		History:     key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
		Precautions: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "precautions")),
		Clinician:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "clinician's check")),
		About:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "about")),
		Activities:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "rate your activities")),
		Trial:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "heat trial")),
		Skip:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not tonight")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

// withRoutines hides the routine keys when there is nothing to choose from.
func (k keyMap) withRoutines(n int) keyMap {
	k.NextRoutine.SetEnabled(n > 1)
	k.PrevRoutine.SetEnabled(n > 1)
	k.Start.SetEnabled(n > 0)
	return k
}

// withReminder offers "not tonight" only when a reminder is set.
func (k keyMap) withReminder(set bool) keyMap {
	k.Skip.SetEnabled(set)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Choose, k.NextRoutine, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Choose},
		{k.NextRoutine, k.PrevRoutine},
		{k.Start, k.Check, k.Tips},
		{k.Why, k.History, k.Precautions},
		{k.Clinician, k.Activities, k.Trial},
		{k.Skip, k.About, k.Quit, k.Help},
	}
}
