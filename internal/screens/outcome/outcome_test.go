package outcome

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

var st = style.New(style.Night())

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(keyPress(k))
	}
	return m, act
}

// keyPress is screentest.Key plus the paging keys it does not know.
func keyPress(name string) tea.KeyPressMsg {
	switch name {
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	}
	return screentest.Key(name)
}

// everyKey is every printable ASCII key and the named keys a person could
// press, to prove that no key leads where it must not.
func everyKey() []tea.KeyPressMsg {
	var keys []tea.KeyPressMsg
	for r := rune(33); r < 127; r++ {
		keys = append(keys, screentest.Key(string(r)))
	}
	for _, k := range []string{"space", "enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "backspace"} {
		keys = append(keys, screentest.Key(k))
	}
	return append(keys, tea.KeyPressMsg{Code: tea.KeyEnter, Mod: tea.ModAlt}, tea.KeyPressMsg{Code: 'y', Text: "Y", Mod: tea.ModShift})
}

func TestEmergencyAndUrgentHaveNoWayOn(t *testing.T) {
	for _, tier := range []safety.Tier{safety.Emergency, safety.Urgent} {
		for _, size := range [][2]int{{40, 12}, {80, 24}} {
			m := ForTier(st, tier).SetSize(size[0], size[1])
			for _, k := range everyKey() {
				_, _, act := m.Update(k)
				switch act.(type) {
				case nil, screens.Back, screens.Quit:
				default:
					t.Errorf("%v: key %q returned %#v; only Back or Quit may leave", tier, k.String(), act)
				}
			}
		}
	}
}

func TestEmergencyLeavesBackHome(t *testing.T) {
	for _, tier := range []safety.Tier{safety.Emergency, safety.Urgent} {
		for _, k := range []string{"enter", "esc"} {
			if _, act := press(ForTier(st, tier).SetSize(80, 24), k); act != (screens.Back{}) {
				t.Errorf("%v: %s returned %#v, want Back", tier, k, act)
			}
		}
		if _, act := press(ForTier(st, tier).SetSize(80, 24), "y"); act != nil {
			t.Errorf("%v: y returned %#v, want nothing", tier, act)
		}
	}
}

func TestBookGoesOnOnlyOnYes(t *testing.T) {
	m := ForTier(st, safety.Book).SetSize(80, 24)
	for _, k := range everyKey() {
		_, _, act := m.Update(k)
		if _, on := act.(screens.GoOn); on != (k.String() == "y") {
			t.Errorf("key %q returned %#v", k.String(), act)
		}
	}
	for _, k := range []string{"n", "esc"} {
		if _, act := press(m, k); act != (screens.Back{}) {
			t.Errorf("%s returned %#v, want Back", k, act)
		}
	}
	if _, act := press(m, "enter"); act != nil {
		t.Errorf("enter returned %#v: the question needs an explicit answer", act)
	}
	if !strings.Contains(m.View(), "Go on with tonight's routine?") {
		t.Errorf("BOOK view does not ask the question:\n%s", m.View())
	}
}

func TestBookStandaloneAsksNothing(t *testing.T) {
	m := ForTier(st, safety.Book).Standalone().SetSize(80, 24)
	if _, act := press(m, "y"); act != nil {
		t.Errorf("y with no routine waiting returned %#v", act)
	}
	if _, act := press(m, "enter"); act != (screens.Back{}) {
		t.Errorf("enter returned %#v, want Back", act)
	}
	for _, no := range []string{"Go on", "say yes", "only if"} {
		if strings.Contains(words(m.View()), no) {
			t.Errorf("standalone BOOK still promises a question (%q):\n%s", no, words(m.View()))
		}
	}
}

func TestNoneGoesBack(t *testing.T) {
	m := ForTier(st, safety.None).SetSize(80, 24)
	for _, k := range []string{"enter", "esc"} {
		if _, act := press(m, k); act != (screens.Back{}) {
			t.Errorf("%s returned %#v, want Back", k, act)
		}
	}
	if _, act := press(m, "y"); act != nil {
		t.Errorf("y returned %#v, want nothing", act)
	}
}

func TestPainStopLeadsToTheCheck(t *testing.T) {
	m := StoppedForPain(st).SetSize(80, 24)
	if _, act := press(m, "c"); act != (screens.OpenCheck{}) {
		t.Errorf("c returned %#v, want OpenCheck", act)
	}
	for _, k := range []string{"enter", "esc"} {
		if _, act := press(m, k); act != (screens.Back{}) {
			t.Errorf("%s returned %#v, want Back", k, act)
		}
	}
	for _, k := range everyKey() {
		if _, _, act := m.Update(k); act == (screens.GoOn{}) {
			t.Errorf("key %q goes on after a stop for pain", k.String())
		}
	}
}

func TestQuit(t *testing.T) {
	for _, m := range outcomes() {
		if _, act := press(m.m.SetSize(80, 24), "q"); act != (screens.Quit{}) {
			t.Errorf("%s: q returned %#v, want Quit", m.name, act)
		}
	}
}

func TestScrollingRevealsTheLastLine(t *testing.T) {
	m := ForTier(st, safety.Emergency).SetSize(40, 12)
	last := safety.AdviceFor(safety.Emergency).Lines
	want := strings.Fields(last[len(last)-1])
	word := want[len(want)-1]
	for range 20 {
		m, _ = press(m, "down")
	}
	if !strings.Contains(m.View(), word) {
		t.Fatalf("scrolled to the end, %q is not on screen:\n%s", word, m.View())
	}
}

type named struct {
	name string
	m    Model
}

func outcomes() []named {
	return []named{
		{"emergency", ForTier(st, safety.Emergency)},
		{"emergency_reported", ForCheck(st, screens.CheckDone{Tier: safety.Emergency, Yes: []string{"saddle-numbness", "bladder-bowel", "no-better"}}, bedtime)},
		{"urgent", ForTier(st, safety.Urgent)},
		{"urgent_reported", ForCheck(st, screens.CheckDone{Tier: safety.Urgent, Yes: []string{"pain-constant"}}, bedtime)},
		{"book_exercise_pain", ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"exercise-pain"}}, bedtime)},
		{"book", ForTier(st, safety.Book)},
		{"book_standalone", ForTier(st, safety.Book).Standalone()},
		{"none", ForTier(st, safety.None)},
		{"pain", StoppedForPain(st)},
		{"clinician_one", clinicianOpen(st, safety.Urgent, "pain-constant")},
		{"clinician_many", pressed(clinicianOpen(st, safety.Urgent, "fever-unwell", "one-leg", "no-better"), "down", "space", "2", "0", "2", "6", "-", "1", "2", "-", "0", "1", "enter")},
		{"clinician_kept", ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"no-better"}}, bedtime).Kept([]string{"no-better"}, bedtime.AddDate(0, 0, -23))},
	}
}

// clinicianOpen is an outcome with the clinician step open.
func clinicianOpen(st style.Styles, t safety.Tier, yes ...string) Model {
	m, _ := press(ForCheck(st, screens.CheckDone{Tier: t, Yes: yes}, bedtime).SetSize(80, 24), "d")
	return m
}

func pressed(m Model, keys ...string) Model {
	m, _ = press(m, keys...)
	return m
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	for _, o := range outcomes() {
		for _, s := range sizes {
			t.Run(o.name+"/"+s.name, func(t *testing.T) {
				screentest.Golden(t, o.m.SetSize(s.w, s.h).View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, o := range outcomes() {
		for _, keys := range [][]string{nil, {"?"}, {"pgdown", "down"}} {
			for _, w := range widths {
				for _, h := range heights {
					m, _ := press(o.m.SetSize(w, h), keys...)
					screentest.RequireFits(t, m.View(), w, h)
				}
			}
		}
	}
}

// widths and heights sample every size the root passes, 40x12 up, with
// the small ones (where layouts change) densest.
var (
	widths  = []int{40, 41, 42, 43, 45, 47, 50, 53, 57, 61, 66, 72, 79, 80}
	heights = []int{12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 28, 33, 40}
)

// bedtime is a fixed evening: Thursday 26 November 2026, 22:15 UTC.
var bedtime = time.Date(2026, time.November, 26, 22, 15, 0, 0, time.UTC)

// words is a view as words: no styles, lines joined.
func words(view string) string {
	return strings.Join(strings.Fields(ansi.Strip(view)), " ")
}

// fullText is everything the outcome says, scrolled through to the end.
func fullText(m Model) string {
	m = m.SetSize(80, 200)
	return words(m.View())
}

// TestOutcomeTextsOnScreen is CONTENT.md section 4's outcomes as the
// screen shows them.
func TestOutcomeTextsOnScreen(t *testing.T) {
	tests := []struct {
		name    string
		m       Model
		want    []string
		notWant []string
	}{
		{"emergency lists what was reported with the time",
			ForCheck(st, screens.CheckDone{Tier: safety.Emergency, Yes: []string{"saddle-numbness", "chest-pain"}}, bedtime),
			[]string{"EMERGENCY", "emergency number", "999 in the UK, 112 in the EU, 911 in the US", "What you reported at 22:15 (take this with you)", "Numbness or tingling between the legs", "Chest pain with the back pain"},
			[]string{"Go on"}},
		{"urgent at bedtime gives the out-of-hours route",
			ForCheck(st, screens.CheckDone{Tier: safety.Urgent, Yes: []string{"fever-unwell"}}, bedtime),
			[]string{"Contact a doctor tonight.", "If your surgery is closed, call your out-of-hours or non-emergency medical line (NHS 111 in the UK).", "If you cannot get through, see a doctor first thing tomorrow.", "High temperature"},
			[]string{"today"}},
		{"book in the routine asks",
			ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"no-better"}}, bedtime),
			[]string{"GP or physiotherapist", "Go on with tonight's routine?"}, []string{"stretches are left out"}},
		{"book for exercise pain leaves the stretches out",
			ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"exercise-pain"}}, bedtime),
			[]string{"stretches are left out", "sleep set-up only", "Let a physiotherapist check which stretches suit you", "Go on tonight without the stretches?"},
			[]string{"Go on with tonight's routine?"}},
		{"book standalone asks nothing",
			ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"no-better"}}, bedtime).Standalone(),
			[]string{"GP or physiotherapist"}, []string{"Go on", "say yes"}},
		{"all-clear carries the safety net",
			ForCheck(st, screens.CheckDone{Tier: safety.None}, bedtime),
			[]string{"No red flags reported.", "If numbness between your legs, a bladder or bowel change, or weakness in both legs appears, call the emergency number."},
			[]string{"fine"}},
		{"tonight's void outcome again",
			ForTier(st, safety.Emergency).Reported(bedtime, []string{"sudden-severe"}).Closed(bedtime.Add(12 * time.Hour)).Standalone(),
			[]string{"The check at 22:15 closed the routine: no routine until 10:15 tomorrow", "Sudden, severe back pain", "take this with you"}, []string{"until the morning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := fullText(tt.m)
			for _, w := range tt.want {
				if !strings.Contains(v, w) {
					t.Errorf("lacks %q:\n%s", w, v)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(v, w) {
					t.Errorf("says %q:\n%s", w, v)
				}
			}
		})
	}
}

func TestNoStretchesIsData(t *testing.T) {
	if !ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"exercise-pain"}}, bedtime).NoStretches() {
		t.Error("a BOOK for exercise pain does not report NoStretches")
	}
	if ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"not-coping"}}, bedtime).NoStretches() {
		t.Error("a BOOK for not coping reports NoStretches")
	}
	m := ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"exercise-pain"}}, bedtime).SetSize(80, 24)
	if _, act := press(m, "y"); act != (screens.GoOn{}) {
		t.Errorf("y on the exercise-pain BOOK returned %#v, want GoOn (heat and sleep set-up)", act)
	}
}
