package player

import "charm.land/bubbles/v2/key"

// keyMap is every key the player answers to. Which of them are enabled
// depends on what is on screen; the help line shows only those.
type keyMap struct {
	Start   key.Binding // heat ready: start the countdown
	Pause   key.Binding // a timed segment: pause and resume
	Ack     key.Binding // heat done: the pad is off
	Finish  key.Binding // settle: done for tonight
	Next    key.Binding
	Back    key.Binding
	Minutes key.Binding // shown in help only: "+/- minutes"
	More    key.Binding // matched only
	Less    key.Binding // matched only
	Pain    key.Binding
	// Skin is the skin stop while the pad is on (CONTENT.md section 3,
	// v3: the skin under the pad is numb, tingles or burns).
	Skin     key.Binding
	Scroll   key.Binding // heat: the next safety lines
	ScrollUp key.Binding // heat: the safety lines before (matched only)
	Quit     key.Binding
	Help     key.Binding

	md     mode // what is on screen: the short help differs by it
	heat   bool // the heat step: it neither pauses nor goes back
	scroll bool // the heat-safety lines do not all show: ↓ is in the short help
}

func newKeyMap() keyMap {
	return keyMap{
		Start:    key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "start")),
		Pause:    key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause")),
		Ack:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "the pad is off")),
		Finish:   key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "finish")),
		Next:     key.NewBinding(key.WithKeys("n", "right"), key.WithHelp("n/→", "skip")),
		Back:     key.NewBinding(key.WithKeys("b", "left"), key.WithHelp("b/←", "previous step")),
		Minutes:  key.NewBinding(key.WithKeys("+", "-"), key.WithHelp("+/-", "min")),
		More:     key.NewBinding(key.WithKeys("+", "=")),
		Less:     key.NewBinding(key.WithKeys("-", "_")),
		Pain:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "stop")),
		Skin:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skin stop")),
		Scroll:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "more safety")),
		ScrollUp: key.NewBinding(key.WithKeys("up", "k")),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

// forMode enables the keys that mean something in mode md.
func (k keyMap) forMode(md mode, paused, heat, padOn bool) keyMap {
	k.md, k.heat = md, heat
	k.Start.SetEnabled(md == modeReady)
	k.Pause.SetEnabled(md == modeRunning)
	if paused {
		k.Pause.SetHelp("space", "resume")
	} else {
		k.Pause.SetHelp("space", "pause")
	}
	k.Ack.SetEnabled(md == modeHeatDone)
	k.Finish.SetEnabled(md == modeSettle || md == modeEmpty)
	k.Next.SetEnabled(md != modeEmpty && md != modeSettle)
	k.Back.SetEnabled(md != modeHeatDone && md != modeEmpty)
	adjust := heat && (md == modeReady || md == modeRunning)
	k.Skin.SetEnabled(padOn)
	k.Scroll.SetEnabled(adjust)
	k.ScrollUp.SetEnabled(adjust)
	k.Minutes.SetEnabled(adjust)
	k.More.SetEnabled(adjust)
	k.Less.SetEnabled(adjust)
	return k
}

// ShortHelp puts the stop key right after the main one, so that a narrow
// window never cuts it off. At the heat-done gate n also moves on, but the
// line shows only enter: the pad comes first.
//
// While the pad is on the skin stop comes next: first on the running
// heat (it has no main key), right after enter at the pad-off gate. ↓
// (more safety lines) comes right after the stop key whenever they do not
// all show.
func (k keyMap) ShortHelp() []key.Binding {
	next, pause, scroll := k.Next, k.Pause, k.Scroll
	if k.md == modeHeatDone {
		next.SetEnabled(false)
	}
	if k.heat {
		pause.SetEnabled(false) // the pad keeps heating: space is refused
	}
	scroll.SetEnabled(scroll.Enabled() && k.scroll)
	if k.md == modeReady {
		return []key.Binding{k.Start, k.Pain, scroll, k.Minutes, next, k.Help}
	}
	return []key.Binding{k.Start, k.Ack, k.Finish, pause, k.Skin, k.Pain, scroll, next, k.Minutes, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	pause := k.Pause
	if k.heat {
		pause.SetEnabled(false) // as in the short help: space is refused during heat
	}
	return [][]key.Binding{
		{k.Start, k.Ack, k.Finish, pause, k.Minutes},
		{k.Next, k.Back, k.Scroll},
		{k.Skin, k.Pain, k.Quit},
		{k.Help},
	}
}
