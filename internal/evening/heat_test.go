package evening

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

// Heat used in another process rules heat out at the pad-on moment even
// when this window decided its routine before that heat began.
func TestTwoWindowsCannotBothHoldHeat(t *testing.T) {
	w := evtest.Answered(at(9, 22, 0))
	a := start(t, w, config(), at(10, 22, 0))
	b := start(t, w, config(), at(10, 22, 0))
	a.throughToRun(no())
	b.throughToRun(no())
	a.do(RunCommand{Command: night.StartHeat})
	b.wall, b.clock = b.wall.Add(3*time.Second), b.clock+3*time.Second
	b.do(RunCommand{Command: night.StartHeat})
	if !a.state().Run.Heat.On() || a.state().Run.Mode != night.Running {
		t.Fatalf("first window: %+v, want heat running", a.state().Run)
	}
	sb := b.state()
	if sb.Run.Mode != night.PadOff || !sb.Run.Heat.Refused || sb.Run.Pad != night.PadRefused {
		t.Fatalf("second window: run %+v, want the pad-off gate for a refused claim", sb.Run)
	}
	if !b.hasNote(HeatLeftOut) || !strings.Contains(sb.HeatLeftOut, "22:00") {
		t.Fatalf("second window said %q, want the heat that rules it out", sb.HeatLeftOut)
	}
	if w.Claims() != 1 {
		t.Fatalf("%d claims granted, want 1", w.Claims())
	}
	// Only "the pad is off" passes the gate; the night goes on without heat.
	b.do(RunCommand{Command: night.Skip})
	if b.state().Run.Mode != night.PadOff {
		t.Fatal("skip passed the pad-off gate")
	}
	b.do(RunCommand{Command: night.PadIsOff})
	if st := b.state().Run; st.Mode == night.PadOff || st.Segment.Kind == 1 {
		t.Fatalf("after the pad-off answer: %+v", st)
	}
}

// Tonight's heat question: yes or "not sure" leaves heat out with one line
// why, and the answer is kept with the session.
func TestTonightsHeatQuestion(t *testing.T) {
	for _, a := range []Answer{No, Yes, NotSure} {
		w := evtest.Answered(at(9, 22, 0))
		p := start(t, w, config(), at(10, 22, 0))
		p.do(AnsweredCheck{Tier: safety.None})
		p.do(AnsweredBefore{Tightness: score(5), Woke: no()})
		p.mustBe(HeatQuestion)
		p.do(AnsweredHeat{Answer: a})
		p.mustBe(Running)
		heat := p.e.Run().Plan().HeatMinutes() > 0
		if heat != (a == No) {
			t.Errorf("%v: heat in the plan %v", a, heat)
		}
		if a != No && (p.state().HeatLeftOut != HeatQuestionNo || !p.hasNote(HeatLeftOut)) {
			t.Errorf("%v: no line why heat is out", a)
		}
		p.do(Leave{})
		if got := w.Sessions()[0].HeatQuestion; got != a.Stored() {
			t.Errorf("stored heat answer %q, want %q", got, a.Stored())
		}
	}
}

// Leaving with the pad on: the pad line is the last word, and the heat
// counts until the exit; after x at the pad-off gate, leaving is still a
// stop for pain.
func TestLeavingWithThePadOn(t *testing.T) {
	w := evtest.Answered(at(9, 22, 0))
	p := start(t, w, config(), at(10, 22, 0))
	p.throughToRun(no())
	p.do(RunCommand{Command: night.StartHeat})
	p.wait(time.Minute)
	p.do(RunCommand{Command: night.StopForPain})
	if p.state().Run.Pad != night.PadPain {
		t.Fatal("x with the pad on did not ask for the pad first")
	}
	p.wait(5 * time.Minute) // the answer never comes
	p.do(Leave{})
	st := p.state()
	if !st.PadLine || st.End != Pain {
		t.Fatalf("state %+v, want the pad line and a stop for pain", st)
	}
	s := w.Sessions()[0]
	if s.HeatSeconds != 6*60 || !s.StoppedForPain || s.PainStep != "Heat" || s.Partial {
		t.Fatalf("stored %+v, want 6 minutes of heat and a stop for pain", s)
	}
	// The next start is the sleep set-up only, after the full check.
	q := start(t, w, config(), at(10, 22, 30))
	q.mustBe(Check)
	q.do(AnsweredCheck{Tier: safety.None})
	q.do(AnsweredBefore{Tightness: score(5), Woke: no()})
	q.mustBe(Running)
	if steps := q.e.Run().Plan().Steps(); len(steps) != 1 {
		t.Fatalf("after a pain stop: %d steps, want the sleep set-up only", len(steps))
	}
}

// The skin stop ends heat, not the night: the pad comes off first, the
// first aid is said, the stretches go on, and it is stored as its own kind,
// not a stop for pain.
func TestTheSkinStop(t *testing.T) {
	w := evtest.Answered(at(9, 22, 0))
	p := start(t, w, config(), at(10, 22, 0))
	p.throughToRun(no())
	p.do(RunCommand{Command: night.StartHeat})
	p.wait(4 * time.Minute)
	p.do(RunCommand{Command: night.SkinStop})
	st := p.state()
	if st.Run.Mode != night.PadOff || st.Run.Pad != night.PadSkin || !p.hasNote(SkinStopAdvice) {
		t.Fatalf("skin stop: %+v", st.Run)
	}
	p.do(RunCommand{Command: night.PadIsOff})
	if st := p.state(); st.Stage != Running || st.Run.Segment.Kind == 1 {
		t.Fatalf("after the pad-off answer: stage %v on %v, want the stretches", st.Stage, st.Run.Segment.Kind)
	}
	p.do(Leave{})
	s := w.Sessions()[0]
	if s.SkinStop.IsZero() || s.StoppedForPain || s.HeatSeconds != 4*60 {
		t.Fatalf("stored %+v, want a skin stop, no pain stop, 4 minutes of heat", s)
	}
}

// A machine that slept with the pad on says so first when it wakes, in
// every front end: the evening notes how long the pad has been on.
func TestASuspendWithThePadOnIsSaid(t *testing.T) {
	p := start(t, evtest.Answered(at(9, 22, 0)), config(), at(10, 22, 0))
	p.throughToRun(no())
	p.do(RunCommand{Command: night.StartHeat})
	p.wait(20 * time.Second)
	if p.hasNote(PadMayBeOn) {
		t.Fatal("ticks 10 seconds apart were taken for a suspend")
	}
	p.clock += 25 * time.Minute // the laptop slept; the pad did not
	p.wall = p.wall.Add(25 * time.Minute)
	p.do(Tick{})
	var said Note
	for _, n := range p.notes {
		if n.Kind == PadMayBeOn {
			said = n
		}
	}
	if said.Minutes != 25 || !strings.Contains(said.Words, "25 minutes") {
		t.Fatalf("after a 25-minute sleep: note %+v", said)
	}
	if p.state().Run.Mode != night.PadOff {
		t.Errorf("the heat's 15 minutes passed in the sleep: mode %v, want the pad-off gate", p.state().Run.Mode)
	}
}
