package cli

import (
	tea "charm.land/bubbletea/v2"
)

// programOptions are the bubbletea settings that decide what supine costs
// while it waits: see the Performance section of README.md for the numbers
// behind each choice.
func programOptions() []tea.ProgramOption {
	return nil
}
