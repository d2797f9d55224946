package e2e

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
	"github.com/charmbracelet/x/vt"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/player"
	"github.com/supine-app/supine/internal/screens/style"
)

// answerKittyQueries makes the emulator answer a graphics query the way a
// terminal that shows kitty images does; the images themselves it ignores.
func answerKittyQueries(emu *vt.Emulator) {
	emu.RegisterApcHandler(func(data []byte) bool {
		if !bytes.HasPrefix(data, []byte("G")) {
			return false
		}
		head, _, _ := bytes.Cut(data[1:], []byte(";"))
		opts := map[string]string{}
		for _, kv := range strings.Split(string(head), ",") {
			k, v, _ := strings.Cut(kv, "=")
			opts[k] = v
		}
		if opts["a"] == "q" {
			// At once, before the device attributes that follow the query
			// are answered, as a terminal answers in order.
			_, _ = io.WriteString(emu.InputPipe(), "\x1b_Gi="+opts["i"]+";OK\x1b\\")
		}
		return true
	})
}

func (tm *term) rawOutput() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return string(tm.raw)
}

func hasBraille(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x2801 && r <= 0x28ff })
}

// TestPicturesAskTheTerminal: supine asks the terminal whether it shows
// kitty images, never its name. Answered, the stretches' pictures go out
// once as images and the screen shows their placeholder cells; unanswered,
// nothing is sent and the pictures are braille (issue 24).
func TestPicturesAskTheTerminal(t *testing.T) {
	for _, answered := range []bool{false, true} {
		t.Run(fmt.Sprintf("answered=%v", answered), func(t *testing.T) {
			tm := start(t, termOpts{w: 100, h: 30, kitty: answered})
			walkToPlayer(t, tm, "6")
			tm.waitFor(wait, "Ready · 15 min")
			tm.press("n") // the heat, not started, is skipped
			tm.waitFor(wait, "Knee to chest")
			deadline := time.Now().Add(wait)
			for {
				s, raw := tm.screen(), tm.rawOutput()
				if !strings.Contains(raw, "\x1b_Gi=31,") {
					t.Fatal("the terminal was never asked")
				}
				sent := strings.Contains(raw, "a=T")
				placeholders := strings.ContainsRune(s, kitty.Placeholder)
				if answered && sent && placeholders && !hasBraille(s) {
					tm.placeholdersNameTheirImage()
					return
				}
				if !answered && hasBraille(s) {
					if sent || placeholders {
						t.Fatalf("unanswered, yet images went out (%v) or show (%v)", sent, placeholders)
					}
					return
				}
				if time.Now().After(deadline) {
					t.Fatalf("answered %v: images sent %v, placeholders %v, braille %v; the screen shows:\n%s",
						answered, sent, placeholders, hasBraille(s), s)
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
}

// hostileTitles are step titles whose width terminals count differently,
// or that are wide or carry zero-width marks (issue 21 item 7).
var hostileTitles = []string{
	"膝を胸に引き寄せるストレッチをゆっくり",
	"Kne\u0301e to che\u0301st and more words",
	"\u0301\u0301Knee first",
	"👨\u200d👩\u200d👧 family knee hug for everyone",
	"❤️ Knee hug ❤️ and ❤️ more ❤️❤️❤️❤️",
	"👍🏽👍🏽👍🏽 thumbs 👍🏽👍🏽👍🏽",
	"क्षि क्षि क्षि क्षि क्षि क्षि क्षि",
	"a\u200bb\u200bc zero\u200bwidth\u200bspaces",
}

// TestTheStepCounterSurvivesAnyTitle: the player's frames with hostile
// titles, drawn by the real (patched) renderer, which counts widths by
// code point unless the terminal says otherwise, into a terminal that
// counts by grapheme cluster: "step N of M" shows whole on the first row
// and the second row is the status line, never overwritten, at every
// size tried (issue 21 item 7).
func TestTheStepCounterSurvivesAnyTitle(t *testing.T) {
	var steps []routines.Step
	for _, ti := range hostileTitles {
		steps = append(steps, routines.Step{Kind: routines.KindHold, Title: ti, Hold: 20 * time.Second, Reps: 1,
			PerSide: true, Switch: time.Second, Cues: []string{ti}})
	}
	plan := routines.Expand(routines.Routine{Title: "x", Steps: steps}, routines.Options{GetReady: 5 * time.Second})
	for _, size := range [][2]int{{40, 12}, {41, 12}, {47, 14}, {60, 16}, {80, 24}} {
		w, h := size[0], size[1]
		le := &lockedEmulator{emu: vt.NewEmulator(w, h)}
		go func() { _, _ = io.Copy(io.Discard, le.emu) }()
		p := tea.NewProgram(viewsModel{}, tea.WithOutput(le), tea.WithInput(nil),
			tea.WithWindowSize(w, h), tea.WithoutSignals(), tea.WithEnvironment([]string{"TERM=xterm-256color"}),
			tea.WithColorProfile(colorprofile.ANSI256))
		done := make(chan error, 1)
		go func() { _, err := p.Run(); done <- err }()
		clock := routines.NewFakeClock(time.Hour)
		run, first := night.New(plan, clock.Now())
		m := player.New(style.New(style.Night()), run, clock, guide.For(guide.Back), first).SetSize(w, h)
		for n := range len(steps) {
			view := m.View()
			p.Send(frameMsg(view))
			want := fmt.Sprintf("step %d of %d", n+1, len(steps))
			deadline := time.Now().Add(wait)
			for {
				le.mu.Lock()
				rows := strings.Split(le.emu.String(), "\n")
				le.mu.Unlock()
				if len(rows) > 1 && strings.HasSuffix(strings.TrimRight(rows[0], " "), want) && strings.HasPrefix(rows[1], "Get ready") {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("%dx%d, title %q: the first rows are\n%s\nwant %q at the end of the first and the status under it",
						w, h, steps[n].Title, strings.Join(rows[:min(3, len(rows))], "\n"), want)
				}
				time.Sleep(5 * time.Millisecond)
			}
			// The root's part: the key's command goes to the run, and
			// what the run did back to the player.
			var act screens.Action
			m, _, act = m.Update(tea.KeyPressMsg{Code: 'n', Text: "n"})
			if c, ok := act.(screens.RunCmd); ok {
				m, _ = m.Show(run.Do(c.Cmd, clock.Now()))
			}
		}
		p.Quit()
		<-done
		_ = le.emu.Close()
	}
}

// placeholdersNameTheirImage checks the placeholder cells as the terminal
// holds them: each names its image by a 256-colour index in supine's
// range, and carries its row and column as diacritics.
func (tm *term) placeholdersNameTheirImage() {
	tm.t.Helper()
	tm.mu.Lock()
	defer tm.mu.Unlock()
	n := 0
	for y := range tm.emu.Height() {
		for x := range tm.emu.Width() {
			c := tm.emu.CellAt(x, y)
			if c == nil || !strings.HasPrefix(c.Content, string(kitty.Placeholder)) {
				continue
			}
			n++
			id, ok := c.Style.Fg.(ansi.IndexedColor)
			if !ok || id < 200 {
				tm.t.Fatalf("placeholder at (%d,%d) has colour %v, want an image id from 200", x, y, c.Style.Fg)
			}
			if len([]rune(c.Content)) != 3 {
				tm.t.Fatalf("placeholder at (%d,%d) is %q: want the row and column diacritics", x, y, c.Content)
			}
		}
	}
	if n == 0 {
		tm.t.Fatal("no placeholder cells")
	}
}
