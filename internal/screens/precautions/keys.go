package precautions

import "charm.land/bubbles/v2/key"

// keyMap is every key the precautions screen answers to. Which ones show
// depends on the page: the summary has nothing to answer.
type keyMap struct {
	Up, Down   key.Binding
	Yes, No    key.Binding
	Cleared    key.Binding // yes, and my clinician has cleared me
	Next       key.Binding // questions: on to the summary
	Change     key.Binding // summary: back to the questions
	Save       key.Binding // summary: keep the answers
	Back, Quit key.Binding
	Help       key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Yes:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Cleared: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "yes, cleared by my clinician")),
		Next:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Change:  key.NewBinding(key.WithKeys("b", "left"), key.WithHelp("b", "change answers")),
		Save:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave")),
		Quit:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

// forPage enables the keys of the questions, or of the summary.
func (k keyMap) forPage(summary bool) keyMap {
	k.Yes.SetEnabled(!summary)
	k.No.SetEnabled(!summary)
	k.Cleared.SetEnabled(!summary)
	k.Next.SetEnabled(!summary)
	k.Change.SetEnabled(summary)
	k.Save.SetEnabled(summary)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	if k.Save.Enabled() {
		return []key.Binding{k.Save, k.Change, k.Help}
	}
	return []key.Binding{k.Yes, k.No, k.Cleared, k.Next, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down},
		{k.Yes, k.No, k.Cleared, k.Next, k.Save, k.Change},
		{k.Back, k.Quit, k.Help},
	}
}

// stepKeys are the keys of "cleared by my clinician" while it is asked.
type stepKeys struct {
	What, When, Cancel key.Binding
}

func newStepKeys(askingWhat bool) stepKeys {
	k := stepKeys{
		What:   key.NewBinding(key.WithKeys("h", "s", "b"), key.WithHelp("h/s/b", "heat, stretches, both")),
		When:   key.NewBinding(key.WithKeys("t", "y", "enter"), key.WithHelp("t/y/date+enter", "when")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
	k.What.SetEnabled(askingWhat)
	k.When.SetEnabled(!askingWhat)
	return k
}

func (k stepKeys) ShortHelp() []key.Binding  { return []key.Binding{k.What, k.When, k.Cancel} }
func (k stepKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
