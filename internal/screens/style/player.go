package style

import (
	"math"
	"strings"
	"sync"

	"charm.land/lipgloss/v2"
)

// PlayerStyles are the player's and the summary's styles. Every state they
// mark (paused, side, phase, heat done) also carries a word: colour is
// never the only signal.
type PlayerStyles struct {
	// The player.
	Title      lipgloss.Style // the step's title
	StepCount  lipgloss.Style // "step 2 of 5"
	Status     lipgloss.Style // "Left 2 of 3", "Switch sides", "Rep 4 of 10"
	Detail     lipgloss.Style // what follows the status ("hold", "then right")
	Paused     lipgloss.Style // the word PAUSED
	Clock      lipgloss.Style // the countdown
	Stopped    lipgloss.Style // the countdown while paused
	Phase      lipgloss.Style // the paced phase word (TILT, RELAX)
	PhaseCue   lipgloss.Style // the paced phase's own instruction
	Cue        lipgloss.Style // what to do
	Bullet     lipgloss.Style // the mark in front of a cue
	Why        lipgloss.Style // the one line of why
	StopIf     lipgloss.Style // "stop (x) if ..."
	Next       lipgloss.Style // "Next:" and its title
	BarLabel   lipgloss.Style // "step", "routine" in front of a bar
	BarTime    lipgloss.Style // the time left after a bar
	Minutes    lipgloss.Style // heat minutes on the ready screen
	Safety     lipgloss.Style // a heat-safety line
	SafetyMark lipgloss.Style // the mark and heading of the heat-safety lines
	GateBox    lipgloss.Style // the heat-done cue, shown large and boxed
	GateWord   lipgloss.Style // "HEAT DONE" and the big "PAD OFF"
	SetupHead  lipgloss.Style // "On your back"
	SetupKey   lipgloss.Style // "Head", "Knees"
	SetupText  lipgloss.Style // pillow advice
	Breath     lipgloss.Style // the pacer's word: "breathe in", "breathe out"
	BreathDot  lipgloss.Style // the pacer's filled dots
	BreathRest lipgloss.Style // its empty dots, and its line while paused

	// BarFull and BarEmpty draw the progress bars (see Bar).
	BarFull, BarEmpty lipgloss.Style
	bars              *barMemo // the bars drawn so far (see Bar)

	// Figure colours the pictures of the stretches.
	Figure FigureStyles

	// The summary.
	Heading   lipgloss.Style // "Tonight: done"
	Label     lipgloss.Style // "Done", "Skipped", "Tightness"
	Text      lipgloss.Style // ordinary lines
	Better    lipgloss.Style // tightness went down
	Worse     lipgloss.Style // tightness went up
	Nudge     lipgloss.Style // the calm "book an appointment" line
	LightsOut lipgloss.Style // the closing line
}

func newPlayerStyles(p Palette) PlayerStyles {
	text := lipgloss.NewStyle().Foreground(p.Text)
	muted := lipgloss.NewStyle().Foreground(p.Muted)
	strong := lipgloss.NewStyle().Foreground(p.Strong).Bold(true)
	accent := lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	warn := lipgloss.NewStyle().Foreground(p.Warn)
	calm := lipgloss.NewStyle().Foreground(p.Calm)
	return PlayerStyles{
		Title:      strong,
		StepCount:  muted,
		Status:     accent,
		Detail:     muted,
		Paused:     warn.Bold(true),
		Clock:      strong,
		Stopped:    muted.Bold(true),
		Phase:      accent,
		PhaseCue:   text.Italic(true),
		Cue:        text,
		Bullet:     muted,
		Why:        muted.Italic(true),
		StopIf:     muted,
		Next:       muted,
		BarLabel:   muted,
		BarTime:    muted,
		Minutes:    accent,
		Safety:     text,
		SafetyMark: warn,
		GateBox: lipgloss.NewStyle().Foreground(p.Strong).Bold(true).
			Border(lipgloss.ThickBorder()).BorderForeground(p.Warn).Padding(0, 1),
		GateWord:  warn.Bold(true),
		SetupHead: strong,
		SetupKey:  lipgloss.NewStyle().Foreground(p.Accent),
		SetupText: text,
		// The pacer is calm and quiet: it sits beside a sleeping person and
		// must never read as a warning.
		Breath:     calm,
		BreathDot:  calm,
		BreathRest: muted,
		bars:       &barMemo{drawn: map[barKey]string{}},
		BarFull:    lipgloss.NewStyle().Foreground(p.BarFill),
		BarEmpty:   lipgloss.NewStyle().Foreground(p.BarRest),
		Figure:     newFigureStyles(p),
		Heading:    strong,
		Label:      muted,
		Text:       text,
		Better:     calm,
		Worse:      warn,
		Nudge:      warn,
		LightsOut:  calm.Bold(true),
	}
}

// Bar draws a static progress bar of width cells, done (0..1) of it
// filled. Filled and empty cells differ in their characters as well as
// their colour, so the bar reads without colour. It never animates: it is
// redrawn only when what it shows changes.
func (s PlayerStyles) Bar(done float64, width int) string {
	if width <= 0 {
		return ""
	}
	done = min(max(done, 0), 1)
	full := int(math.Round(done * float64(width)))
	if s.bars == nil { // styles not made by New
		return s.bar(full, width)
	}
	return s.bars.get(barKey{full, width}, func() string { return s.bar(full, width) })
}

func (s PlayerStyles) bar(full, width int) string {
	var out string
	if full > 0 {
		out = s.BarFull.Render(strings.Repeat("█", full))
	}
	if full < width {
		out += s.BarEmpty.Render(strings.Repeat("░", width-full))
	}
	return out
}

// barMemo keeps the bars drawn, by cells filled and width. lipgloss styles
// a line grapheme by grapheme, and the player's two bars of up to a
// hundred cells were a quarter of its frame, redrawn every second for a
// bar that changes every few seconds. A set of styles never changes once
// New has built it, so a bar drawn once is the bar.
type barMemo struct {
	mu    sync.Mutex
	drawn map[barKey]string
}

type barKey struct{ full, width int }

// maxBars bounds the memo: a few widths' worth of bars, for the resizes
// of one session.
const maxBars = 1024

func (b *barMemo) get(k barKey, draw func() string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if s, ok := b.drawn[k]; ok {
		return s
	}
	if len(b.drawn) >= maxBars {
		clear(b.drawn)
	}
	s := draw()
	b.drawn[k] = s
	return s
}

// Block is a piece of a screen that can be left out when the window is
// small. Lower Rank is more important; rank 0 is always kept. Gap asks for
// a blank line before the block when there is room for every block and
// every gap.
type Block struct {
	Rank  int
	Gap   bool
	Lines []string
	// Safety marks a block that is never left out silently: PackMarked
	// says so when it does not fit.
	Safety bool
	// Optional marks a block (a picture) that is shown only in the room
	// the others leave: it never takes any block's place, whatever its
	// rank, so it can never push a safety line or the countdown off.
	Optional bool
}

// Pack chooses which blocks to show in room lines. When all of them fit
// with their gaps, it draws them all. Otherwise it drops the gaps and takes
// the most important blocks first, each one that still fits, and draws the
// chosen ones in their original order. Rank-0 blocks are always kept (Page
// cuts them if even they do not fit). The player and the summary lay out
// with it.
func Pack(blocks []Block, room int) []string {
	return Choose(blocks, room).Lines(blocks)
}

// PackMarked is Pack that never drops a Safety block silently: when one
// does not fit, the last line says so with mark (a "more" line, already
// styled, one line wide).
func PackMarked(blocks []Block, room int, mark string) []string {
	l := Choose(blocks, room)
	if !l.DroppedSafety(blocks) || room < 1 {
		return l.Lines(blocks)
	}
	return append(Choose(blocks, room-1).Lines(blocks), mark)
}

// RequiredFits reports whether the blocks that are always kept (rank 0,
// not optional) fit in room lines, without gaps.
func RequiredFits(blocks []Block, room int) bool {
	n := 0
	for _, b := range blocks {
		if b.Rank == 0 && !b.Optional {
			n += len(b.Lines)
		}
	}
	return n <= room
}

// Layout is what a packing chose: which blocks are kept, and whether the
// blank lines between them are drawn.
type Layout struct {
	Keep []bool
	Gaps bool
}

// Choose decides which blocks Pack shows in room lines. Optional blocks
// are chosen last, each in the room left when every other choice is made.
func Choose(blocks []Block, room int) Layout {
	keep := make([]bool, len(blocks))
	l := Layout{Keep: keep}
	if fits(blocks, room, false) {
		for i, b := range blocks {
			keep[i] = !b.Optional
		}
		l.Gaps = true
	} else {
		used := 0
		for i, b := range blocks {
			if b.Rank == 0 && !b.Optional {
				keep[i] = true
				used += len(b.Lines)
			}
		}
		for {
			best := -1
			for i, b := range blocks {
				if keep[i] || b.Optional || len(b.Lines) == 0 || used+len(b.Lines) > room {
					continue
				}
				if best < 0 || b.Rank < blocks[best].Rank {
					best = i
				}
			}
			if best < 0 {
				break
			}
			keep[best] = true
			used += len(blocks[best].Lines)
		}
	}
	for i, b := range blocks {
		if !b.Optional || len(b.Lines) == 0 {
			continue
		}
		keep[i] = true
		if l.Used(blocks) <= room {
			continue
		}
		if l.Gaps {
			l.Gaps = false // the gaps go before a picture does
			if l.Used(blocks) <= room {
				continue
			}
			l.Gaps = true
		}
		keep[i] = false
	}
	return l
}

// Lines draws the blocks the layout keeps, in their order.
func (l Layout) Lines(blocks []Block) []string {
	out := make([]string, 0, LineCount(blocks)+len(blocks))
	for i, b := range blocks {
		if !l.Keep[i] {
			continue
		}
		if l.Gaps && b.Gap && len(out) > 0 && len(b.Lines) > 0 {
			out = append(out, "")
		}
		out = append(out, b.Lines...)
	}
	return out
}

// DroppedSafety reports whether a Safety block with lines was left out.
func (l Layout) DroppedSafety(blocks []Block) bool {
	for i, b := range blocks {
		if !l.Keep[i] && b.Safety && len(b.Lines) > 0 {
			return true
		}
	}
	return false
}

// Used is how many lines the layout draws.
func (l Layout) Used(blocks []Block) int {
	return len(l.Lines(blocks))
}

// Fits reports whether every block, with its gaps, fits in room lines.
func Fits(blocks []Block, room int) bool { return fits(blocks, room, true) }

// fits is Fits, counting optional blocks or not.
func fits(blocks []Block, room int, optional bool) bool {
	// A gap is a blank line between two blocks: none before the first.
	n := 0
	for _, b := range blocks {
		if b.Optional && !optional || len(b.Lines) == 0 {
			continue
		}
		if b.Gap && n > 0 {
			n++
		}
		n += len(b.Lines)
	}
	return n <= room
}

// LineCount is how many lines the blocks take, without gaps.
func LineCount(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		n += len(b.Lines)
	}
	return n
}
