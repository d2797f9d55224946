package player

import "github.com/supine-app/supine/internal/screens/style"

// SetAwake tells the player why the machine may sleep during heat (the
// sleep lock could not be held), in words a person reads; "" when the lock
// holds. The root holds the lock, as the evening says, and hands its
// failure here: the heat step shows it among its notices for the rest of
// the heat, and keeps its title.
func (m Model) SetAwake(words string) Model {
	m.awake = words
	return m
}

// awakeLines says on the heat step, where its other notices go, that the
// machine may sleep before the heat-done reminder (SetAwake).
func (m Model) awakeLines() []style.Block {
	if m.awake == "" {
		return nil
	}
	return []style.Block{{Lines: m.wrap(m.awake, m.st.Player.StopIf)}}
}
