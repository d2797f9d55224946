package check

import (
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
)

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}
