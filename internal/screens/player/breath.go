package player

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens/style"
)

// The breathing pacer: an optional, slow "breathe in / breathe out" line
// under the countdown of a hold, with dots that grow and shrink.
//
// CONTENT.md says only "breathe normally; never hold the breath; a hold can
// be counted in slow breaths". The rhythm below is therefore a gentle guide
// to follow if it suits, not a prescribed rate: a slow, comfortable breath
// with the out-breath a little longer than the in-breath. Its words only
// ever say in or out; nothing it shows asks the person to hold the breath.
const (
	breatheIn  = 4 * time.Second
	breatheOut = 6 * time.Second
	breathDots = 8
	// The dots change every breatheIn/breathDots (0.5 s) while breathing
	// in and every breatheOut/breathDots (0.75 s) while breathing out, so
	// the pacer asks for at most 2 redraws a second, and only then.
	breathCycle = breatheIn + breatheOut
)

// breathMsg asks the pacer to look at the clock again. It has its own
// generation, so a pause, skip or back drops the pacer's pending tick
// without touching the countdown's.
type breathMsg struct {
	id  int64
	gen int
}

// breath is what the pacer shows at one moment.
type breath struct {
	in   bool // breathing in; out otherwise
	dots int  // 1..breathDots filled
}

// breathAt is the pacer at elapsed time into a hold, and how long until it
// changes. It is a pure function of the clock, never a count of ticks:
// every hold starts on an in-breath with one dot.
func breathAt(elapsed time.Duration) (breath, time.Duration) {
	p := max(elapsed, 0) % breathCycle
	if p < breatheIn {
		step := breatheIn / breathDots
		k := p / step
		return breath{in: true, dots: int(k) + 1}, (k+1)*step - p
	}
	q := p - breatheIn
	step := breatheOut / breathDots
	k := q / step
	return breath{dots: breathDots - int(k)}, (k+1)*step - q
}

// SetBreathing turns the breathing pacer on or off; it is off in New. The
// root calls it right after New, before Init, which then starts the pacer
// if the first segment is a hold. Called later, it takes effect from the
// next change of segment, pause or resume.
func (m Model) SetBreathing(on bool) Model {
	m.breathing = on
	m.nextBreath()
	return m
}

// onHold reports whether the segment on screen is a hold the pacer goes
// with: a hold of a hold step, never heat, a switch of sides, a rest, a
// paced rep (even one whose phase a routine file named "hold") or settle.
func (m Model) onHold() bool {
	if m.mode() != modeRunning || len(m.plan().Segments) == 0 {
		return false
	}
	return m.segment().Kind == routines.SegHold
}

// pacerShown reports whether the view has a pacer line (also while paused).
func (m Model) pacerShown() bool {
	return m.breathing && !m.ended() && m.onHold()
}

// pacerRuns reports whether the pacer moves, and so may ask for ticks.
func (m Model) pacerRuns() bool {
	return m.pacerShown() && !m.paused()
}

// holdElapsed is how far the hold's countdown has run: time since the hold
// began, less any time spent paused.
func (m Model) holdElapsed() time.Duration {
	return m.segment().Duration - m.state.Left
}

// nextBreath schedules the pacer's tick for the moment its line changes,
// or none when it is off, paused, or not on a hold. Any pacer tick asked
// for before is made stale. A change that would fall at or after the end
// of the hold is left to the countdown's tick, which moves on to the next
// segment and calls this again.
func (m *Model) nextBreath() tea.Cmd {
	m.breathGen++
	m.breathWait = 0
	if !m.pacerRuns() {
		return nil
	}
	_, next := breathAt(m.holdElapsed())
	if next >= m.state.Left {
		return nil
	}
	m.breathWait = next + tickSlack
	return m.schedule(m.breathWait, breathMsg{id: m.id, gen: m.breathGen})
}

// onBreath answers a pacer tick: the view redraws from the new now, and
// the next pacer tick is asked for. When the hold is already over (a late
// tick, a laptop waking), it does nothing: the countdown's tick is due too
// and moves the timeline on.
func (m Model) onBreath(now time.Duration) (Model, tea.Cmd) {
	if !m.pacerRuns() || m.cdDone(now) {
		return m, nil
	}
	m.now = now
	m.state = m.run.State(now)
	return m, m.nextBreath()
}

// pacerBlock is the pacer's line, centred under the countdown. Its rank
// lets the smallest windows drop it before the next-step line.
func (m Model) pacerBlock() style.Block {
	b, extra := breath{}, 0
	if !m.paused() {
		b, _ = breathAt(m.holdElapsed())
		extra = b.dots*2 + 1
		if b.in {
			extra++
		}
	}
	line := m.cached("pacer", extra, func() []style.Block {
		return []style.Block{{Lines: []string{m.pacerLine(b)}}}
	})[0].Lines[0]
	return style.Block{Rank: rankPacer, Gap: true, Lines: []string{line}}
}

// pacerLine draws "breathe in  • • • · · · · ·". The word carries the
// phase and the dots its progress, so neither depends on colour. A zero
// breath (paused) reads "breathe normally", as CONTENT.md puts it.
func (m Model) pacerLine(b breath) string {
	p := m.st.Player
	if b.dots == 0 {
		return m.centerLine(p.BreathRest.Render("breathe normally"), len("breathe normally"))
	}
	word := "breathe out"
	if b.in {
		word = "breathe in "
	}
	full := strings.Repeat("• ", b.dots)
	text := p.Breath.Render(word) + " " + p.BreathDot.Render(full[:len(full)-1])
	if rest := strings.Repeat(" ·", breathDots-b.dots); rest != "" {
		text += p.BreathRest.Render(rest)
	}
	return m.centerLine(text, len(word)+2*breathDots)
}

// centerLine indents an already styled line of width cells to the middle,
// cutting it when the window is narrower.
func (m Model) centerLine(line string, width int) string {
	if width > m.w {
		return style.Truncate(line, m.w)
	}
	return strings.Repeat(" ", (m.w-width)/2) + line
}
