package history

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/screens/style"
)

func TestActivitiesAreCharted(t *testing.T) {
	d := Data{Sessions: []hist.Session{{Start: now.Add(-time.Hour), Routine: "tonight", Before: hist.Score(5)}}, Now: now, RolloverHour: 4,
		Activities: []psfs.Series{{Activity: hist.Activity{ID: 1, Name: "Putting on socks"},
			Points: []psfs.Point{{At: now.AddDate(0, 0, -14), Score: 2}, {At: now.AddDate(0, 0, -7), Score: 5}, {At: now, Score: 10}}}}}
	v := ansi.Strip(New(style.New(style.Night()), d).SetSize(80, 40).View())
	for _, want := range []string{"Activities your back makes hard", "▁▄█", "Putting on socks: 2 on"} {
		if !strings.Contains(v, want) {
			t.Errorf("the history screen does not show %q:\n%s", want, v)
		}
	}
}
