package model

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/sound"
)

// topLine is the first line of the window with text on it.
func topLine(d *driver) string {
	for _, l := range strings.Split(ansi.Strip(d.view()), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// failingGuard cannot hold the sleep lock, like systemd-inhibit with no
// system bus.
type failingGuard struct{}

func (failingGuard) Hold(string) error {
	return &sound.AwakeError{Cause: "the sleep inhibitor systemd-inhibit ended early (Failed to connect to bus: No such file or directory)"}
}
func (failingGuard) Release() {}

// TestASleepLockThatFailsIsSaidInWords: when the machine may sleep during
// heat, the heat step says so in words a person reads, among its notices,
// and keeps its title on the top line for the whole heat (issue 22: the
// tool's error replaced the title).
func TestASleepLockThatFailsIsSaidInWords(t *testing.T) {
	opts := testOptions(&fakeStore{})
	opts.Guard = failingGuard{}
	d := atPlayer(t, opts)
	d.press("enter") // the pad goes on
	d.expectText(sound.AwakeWords)
	top := topLine(d)
	for _, jargon := range []string{"systemd-inhibit", "bus", "inhibitor"} {
		if strings.Contains(d.text(), jargon) {
			t.Errorf("the screen says %q:\n%s", jargon, d.view())
		}
	}
	if !strings.HasPrefix(top, "Heat") {
		t.Errorf("the top line is %q, want the heat step's title:\n%s", top, d.view())
	}
	d.press("+") // a key later, both are still there
	d.expectText(sound.AwakeWords)
	if top := topLine(d); !strings.HasPrefix(top, "Heat") {
		t.Errorf("after a key the top line is %q", top)
	}
}

// TestALateSleepLockAnswerIsDropped: the lock's failure can come after the
// pad-off answer let the lock go (it waits for the inhibitor to settle);
// then it is about a heat that is over, and nothing keeps it.
func TestALateSleepLockAnswerIsDropped(t *testing.T) {
	opts := testOptions(&fakeStore{})
	d := atPlayer(t, opts)
	next, _ := d.m.Update(awakeMsg{words: sound.AwakeWords})
	if m := next.(Model); m.awakeWords != "" || strings.Contains(ansi.Strip(m.View().Content), sound.AwakeWords) {
		t.Errorf("an answer with no lock held was kept: %q", m.awakeWords)
	}
}
