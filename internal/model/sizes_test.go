package model

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestEveryScreenSurvivesEverySize: every screen the root can show, in
// every state worth drawing, is resized through every size from 1x1 to
// 45x15 and drawn at each; none may panic (the history screen did at 5x3: a negative repeat count, laid
// out on a resize even while the window was too small to show it).
func TestEveryScreenSurvivesEverySize(t *testing.T) {
	t.Parallel()
	for _, s := range viewStates() {
		t.Run(s.name, func(t *testing.T) {
			d := s.reach(t, 80, 24)
			for w := 1; w <= 45; w++ {
				for h := 1; h <= 15; h++ {
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Fatalf("%s at %dx%d panicked: %v", s.name, w, h, r)
							}
						}()
						d.send(tea.WindowSizeMsg{Width: w, Height: h})
						requireFits(t, fmt.Sprintf("%s resized", s.name), d.view(), w, h)
					}()
				}
			}
		})
	}
}
