package player

import "github.com/supine-app/supine/internal/screens/style"

// awakeLines says on the heat step, where its other notices go, that the
// machine may sleep before the heat-done reminder: the sleep lock could
// not be held (screens.AwakeNoticeMsg). It stays for the rest of the heat;
// the step's title stays too.
func (m Model) awakeLines() []style.Block {
	if m.awake == "" {
		return nil
	}
	return []style.Block{{Lines: m.wrap(m.awake, m.st.Player.StopIf)}}
}
