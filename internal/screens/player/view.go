package player

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/supine-app/supine/internal/figure"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens/bigdigits"
	"github.com/supine-app/supine/internal/screens/style"
)

// bigMinHeight is the height from which the countdown is drawn in big
// glyphs, readable from a pillow: 80x24 and up. Prose (cues, the why, the
// next step) gives way to the digits; safety lines do not, and when even
// they cannot all fit, the clock is one bold line instead.
const bigMinHeight = 20

// Ranks of the parts of a view: lower is kept longer when room is short.
// Rank 0 (title, side and rep, countdown, step bar) is always kept.
const (
	rankPrompt   = 3
	rankPhaseCue = 5
	rankPacer    = 8 // the person asked for it: kept before the next line
	rankStopIf   = 9 // a safety line: before the next step and the cues
	rankNext     = 10
	rankStepBar  = 15 // heat: the countdown says as much
	rankRoutine  = 20
	rankCues     = 30
	rankWhy      = 40
)

// View draws the screen within the size it was given: never wider than w,
// never taller than h.
func (m Model) View() string {
	if m.id == 0 || m.st == nil || m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.dark() {
		// Lights out: a dark screen, one faint line at the foot.
		line := style.Truncate(m.st.Player.Detail.Render("Lights out. Any key ends the night."), m.w)
		return strings.Repeat("\n", m.h-1) + line
	}
	lo := m.layout()
	foot := m.helpLine(lo.scroll)
	if m.state.LightsOut {
		foot = "" // the faint line says it: any key ends the night
	}
	return m.page(lo.body, foot, lo.room)
}

// laidOut is the body of the screen and what it left out.
type laidOut struct {
	body []string
	room int // lines for the body: the window less the help
	// scroll: the heat-safety lines do not all show, or are scrolled;
	// hiddenAfter: one after the scroll offset is not on screen.
	scroll, hiddenAfter bool
}

// layout chooses what the body shows. From 80x24 the digits come first:
// only the lines that are always kept, and a line for safety lines cut,
// must fit beside them.
func (m Model) layout() laidOut {
	room := m.h
	if !m.state.LightsOut {
		room -= len(style.Lines(m.helpLine(false)))
	}
	var sb screenBlocks
	if m.h >= bigMinHeight {
		if b := m.blocks(true); style.RequiredFits(b.list, room-1) {
			sb = b
		}
	}
	if sb.list == nil {
		sb = m.blocks(false)
	}
	bl := sb.list
	lay := style.Choose(bl, room)
	heat := sb.moreTo > sb.moreFrom || (m.safetyOff > 0 && m.onHeat())
	marked := (lay.DroppedSafety(bl) || heat && m.safetyOff > 0) && style.RequiredFits(bl, room-1)
	if marked {
		room--
		lay = style.Choose(bl, room)
	}
	bl, lay = m.smallerPicture(bl, lay, room)
	lo := laidOut{body: lay.Lines(bl), room: room + b2i(marked)}
	if !marked {
		return lo
	}
	if !heat {
		return lo.with(m.moreMark())
	}
	hidden := 0
	for i := sb.moreFrom; i < sb.moreTo; i++ {
		if !lay.Keep[i] {
			hidden++
		}
	}
	if hidden == sb.moreTo-sb.moreFrom && m.safetyOff == 0 {
		// Not one of them fits beside the kept lines (below 80x24):
		// scrolling would show nothing.
		return lo.with(m.moreMark())
	}
	lo.scroll, lo.hiddenAfter = true, hidden > 0
	return lo.with(m.heatMark(hidden))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (lo laidOut) with(mark string) laidOut {
	lo.body = append(lo.body, mark)
	return lo
}

// moreMark is the line that stands for safety lines the window is too
// small for, where they cannot scroll: they are never left out without a
// word.
func (m Model) moreMark() string {
	p := m.st.Player
	mark := func(words string) string { return p.SafetyMark.Render("! ") + p.Safety.Render(words) }
	if line := mark("More safety lines: enlarge the window to read them."); lipgloss.Width(line) <= m.w {
		return line
	}
	// Whole at 40 columns, the smallest window the app lays out.
	return style.Truncate(mark("More safety lines: enlarge the window."), m.w)
}

// page lays the body out from the top and the help on the last lines. It
// does what style.Page does without measuring every line again: each line
// here was made to fit the width when it was built, which the tests check
// at every size.
func (m Model) page(body []string, foot string, room int) string {
	if room < 0 {
		return style.Page(m.w, m.h, strings.Join(body, "\n"), foot)
	}
	// Grown to the frame's exact size: a frame allocated per second is
	// what the countdown leaves for the garbage collector.
	n := room + len(foot)
	for i := range min(room, len(body)) {
		n += len(body[i])
	}
	var b strings.Builder
	b.Grow(n)
	for i := range room {
		if i < len(body) {
			b.WriteString(body[i])
		}
		b.WriteByte('\n')
	}
	b.WriteString(foot)
	return b.String()
}

// screenBlocks are the blocks of a screen, and which of them are the
// heat-safety lines that scroll (list[moreFrom:moreTo]).
type screenBlocks struct {
	list             []style.Block
	moreFrom, moreTo int
}

func (m Model) blocks(big bool) screenBlocks {
	if m.state.LightsOut {
		return screenBlocks{list: m.lightsOutBlocks()}
	}
	switch m.mode() {
	case modeEmpty:
		return screenBlocks{list: []style.Block{{Lines: []string{m.st.Player.Title.Render("This routine has no steps.")}}}}
	case modeReady:
		return m.heatBlocks(big)
	case modeHeatDone:
		return screenBlocks{list: m.heatDoneBlocks(big)}
	case modeSettle:
		return screenBlocks{list: m.settleBlocks()}
	}
	if m.segment().Kind == routines.SegHeat {
		return m.heatBlocks(big)
	}
	return screenBlocks{list: m.runningBlocks(big)}
}

// runningBlocks are a stretch, a rest or a get-ready counting down.
func (m Model) runningBlocks(big bool) []style.Block {
	s := m.segment()
	bl := []style.Block{
		{Lines: []string{m.header()}},
		{Lines: []string{m.statusLine()}},
	}
	clock, besidePic := m.clockLines(big, m.state.Left)
	bl = append(bl, style.Block{Gap: true, Lines: clock})
	if m.pacerShown() {
		bl = append(bl, m.pacerBlock())
	}
	bl = append(bl, m.noticeBlock()...)
	if ph, ok := m.pacedPhase(); ok && ph.Cue != "" {
		bl = append(bl, style.Block{Rank: rankPhaseCue, Lines: m.wrap(ph.Cue, m.st.Player.PhaseCue)})
	}
	if s.Kind == routines.SegReady && m.said != "" {
		bl = append(bl, style.Block{Lines: m.wrap(m.said, m.st.Player.PhaseCue)})
	}
	if m.firstNight && m.firstStretch() {
		bl = append(bl, style.Block{Rank: rankPhaseCue, Lines: m.wrap(
			"Your first night: do fewer reps than shown if you like, and build up over the next days if it feels comfortable.",
			m.st.Player.Detail)})
	}
	if s.Kind == routines.SegSwitch {
		bl = append(bl, style.Block{Rank: rankPhaseCue, Lines: m.wrap(m.switchCue(), m.st.Player.PhaseCue)})
	}
	if !besidePic {
		bl = append(bl, m.optionalPicture(big)...)
	}
	bl = append(bl,
		style.Block{Gap: true, Lines: []string{m.stepBar()}},
		style.Block{Rank: rankRoutine, Lines: []string{m.routineBar()}},
	)
	bl = append(bl, m.cached("cues", rankCues, func() []style.Block { return m.cueBlocks(rankCues) })...)
	return append(bl, m.cached("closing", 0, m.closingBlocks)...)
}

// optionalPicture is the picture of the step as a block shown only in the
// room the others leave: the large one from 80x24 up, the small one below.
func (m Model) optionalPicture(big bool) []style.Block {
	size := figure.Small
	if big {
		size = figure.Large
	}
	if b, ok := m.pictureBlock(size); ok {
		return []style.Block{b}
	}
	return nil
}

// heatBlocks are the heat step, before the pad goes on and while it is
// on: the countdown, then the safety lines, ranked above the routine's
// instructions.
func (m Model) heatBlocks(big bool) screenBlocks {
	p := m.st.Player
	ready := m.mode() == modeReady
	var status string
	if ready {
		status = style.Truncate(p.Status.Render("Ready")+p.Detail.Render(" · ")+
			p.Minutes.Render(fmt.Sprintf("%d min", m.plan().HeatMinutes()))+
			p.Detail.Render(fmt.Sprintf(" · +/- sets %d to %d", routines.MinHeatMinutes, routines.MaxHeatMinutes)), m.w)
	} else {
		status = m.statusLine()
	}
	clock, _ := m.clockLines(big, m.state.Left)
	bl := []style.Block{
		// The title gives way before a safety line or a refused key's
		// words on the smallest windows: the countdown says it is heat.
		{Rank: rankHeatHead, Lines: []string{m.header()}},
		{Rank: rankHeatStatus, Lines: []string{status}},
		{Gap: true, Lines: clock},
	}
	// Why a key did nothing ranks under the kept safety lines here.
	for _, b := range m.noticeBlock() {
		b.Rank = rankSilent
		bl = append(bl, b)
	}
	if ready {
		bl = append(bl, style.Block{Rank: rankPrompt, Lines: m.wrap("Put the pad in place and switch it on, then press enter to start the countdown.", p.Cue)})
	}
	// That the end will be silent, or the machine may sleep first, ranks
	// with the kept safety lines.
	for _, b := range m.silentLine() {
		b.Rank, b.Safety = rankSilent, true
		bl = append(bl, b)
	}
	kept, more := m.heatSafetyBlocks()
	bl = append(bl, kept...)
	sb := screenBlocks{moreFrom: len(bl)}
	bl = append(bl, more...)
	sb.moreTo = len(bl)
	bl = append(bl,
		style.Block{Rank: rankStepBar, Gap: true, Lines: []string{m.stepBar()}},
		style.Block{Rank: rankRoutine, Lines: []string{m.routineBar()}},
	)
	bl = append(bl, m.cached("cues", rankCues, func() []style.Block { return m.cueBlocks(rankCues) })...)
	sb.list = append(bl, m.cached("closing", 0, m.closingBlocks)...)
	return sb
}

func (m Model) heatDoneBlocks(big bool) []style.Block {
	p := m.st.Player
	bl := []style.Block{{Lines: []string{m.header()}}}
	if big && bigdigits.Fits("PAD OFF", m.w) {
		bl = append(bl, style.Block{Gap: true, Lines: m.center(bigdigits.Render("PAD OFF"), bigdigits.Width("PAD OFF"), p.GateWord)})
	}
	box := p.GateBox.Width(m.w)
	inner := m.w - box.GetHorizontalFrameSize()
	text := strings.Join(style.Wrap(m.padOffText(), inner), "\n")
	bl = append(bl,
		style.Block{Gap: true, Lines: style.Lines(box.Render(text))},
		style.Block{Lines: m.wrap("Press enter once the pad is off and out of the bed.", p.Cue)},
		style.Block{Lines: m.wrap(m.reminderLine(), p.Detail)},
	)
	if m.notice != "" {
		// The evening's note here (a skin stop's first aid) is shown
		// whole or, where the window is too small, left out with the line
		// that says so: never cut off mid-sentence. It comes again once
		// the pad is off.
		bl = append(bl, style.Block{Rank: rankSilent, Safety: true, Lines: m.wrap(m.notice, p.StopIf)})
	}
	if m.state.AfterPad == night.StoppedForPain {
		return bl
	}
	bl = append(bl, style.Block{Rank: rankRoutine, Gap: true, Lines: []string{m.routineBar()}})
	if next := m.nextLine(); next != "" {
		bl = append(bl, style.Block{Rank: rankNext, Lines: []string{next}})
	}
	return bl
}

// padOffText is what the pad-off gate says first: after a stop for pain the
// skin comes before anything else.
func (m Model) padOffText() string {
	switch {
	case m.state.AfterPad == night.StoppedForPain:
		return "Stopped for pain. " + m.state.PadOffWords()
	case m.state.Pad == night.PadSkin:
		return "Skin stop. " + m.state.PadOffWords()
	}
	return m.state.PadOffWords()
}

// reminderLine says how the pad-off reminder reaches the person, and says
// plainly when it cannot: muted cues must never pass for a reminder.
func (m Model) reminderLine() string {
	if m.muted {
		return "Your sound is off, so this reminder is silent. Use a pad that switches itself off, or set another alarm."
	}
	if m.silent {
		return "The reminder's sound failed, so it may not be heard: the terminal bell rings instead. Set another alarm if you may fall asleep."
	}
	return fmt.Sprintf("This reminder sounds every %d seconds until then.", night.RemindEvery/time.Second)
}

// silentLine warns on the heat step that its end will make no sound, and
// that the machine may sleep before it (awakeLines).
func (m Model) silentLine() []style.Block {
	if !m.muted {
		return m.awakeLines()
	}
	return append(m.awakeLines(), style.Block{Lines: m.wrap("Your sound is off: the end of the heat will be silent. Use a pad that switches itself off, or set another alarm.", m.st.Player.StopIf)})
}

// noticeBlock shows why the last key did nothing.
func (m Model) noticeBlock() []style.Block {
	if m.notice == "" {
		return nil
	}
	return []style.Block{{Lines: m.wrap(m.notice, m.st.Player.StopIf)}}
}

func (m Model) settleBlocks() []style.Block {
	p := m.st.Player
	bl := []style.Block{{Lines: []string{m.header()}}}
	bl = append(bl, m.optionalPicture(m.h >= bigMinHeight)...)
	if su := m.setup; su.Title != "" {
		bl = append(bl, style.Block{Gap: true, Lines: []string{style.Truncate(p.SetupHead.Render(su.Title), m.w)}})
		if su.Head != "" {
			bl = append(bl, style.Block{Rank: 1, Lines: style.Hang(p.SetupKey.Render("Head   "), su.Head, m.w, p.SetupText)})
		}
		if su.Body != "" {
			bl = append(bl, style.Block{Rank: 2, Lines: style.Hang(p.SetupKey.Render(su.BodyPart+strings.Repeat(" ", max(1, 7-len(su.BodyPart)))), su.Body, m.w, p.SetupText)})
		}
		// Notes are on the position as a whole: a bullet of their own, not
		// indented under the last pillow.
		for i, x := range su.Extra {
			bl = append(bl, style.Block{Rank: 6 + i, Lines: style.Hang("• ", x, m.w, p.Detail)})
		}
	}
	if !m.state.LightsOut {
		bl = append(bl, style.Block{Rank: 3, Gap: true, Lines: m.wrap("When you are settled, press enter.", p.Cue)})
	}
	bl = append(bl, m.cueBlocks(rankCues)...)
	if why := m.step().Why; why != "" {
		bl = append(bl, style.Block{Rank: rankWhy, Lines: m.wrap(why, p.Why)})
	}
	return append(bl, style.Block{Rank: rankRoutine, Gap: true, Lines: []string{m.routineBar()}})
}

// closingBlocks are the why, the stop-if line and what comes next.
func (m Model) closingBlocks() []style.Block {
	p := m.st.Player
	step := m.step()
	var bl []style.Block
	if step.Why != "" {
		bl = append(bl, style.Block{Rank: rankWhy, Lines: m.wrap(step.Why, p.Why)})
	}
	if len(step.StopIf) > 0 {
		when := " if " + strings.Join(step.StopIf, ", or if ") + "."
		line := "Stop and press " + m.keys.Pain.Help().Key + when
		if step.StopsForSkin() {
			line = "Skin stop: press " + m.keys.Skin.Help().Key + when
		}
		bl = append(bl, style.Block{Rank: rankStopIf, Safety: true, Lines: m.wrap(line, p.StopIf)})
	}
	if next := m.nextLine(); next != "" {
		bl = append(bl, style.Block{Rank: rankNext, Gap: true, Lines: []string{next}})
	}
	return bl
}

// cueBlocks are the step's cues, one block each, the first ones kept
// longest.
func (m Model) cueBlocks(rank int) []style.Block {
	p := m.st.Player
	mark := p.Bullet.Render("• ")
	var bl []style.Block
	for i, c := range m.step().Cues {
		bl = append(bl, style.Block{Rank: rank + i, Gap: i == 0, Lines: style.Hang(mark, c, m.w, p.Cue)})
	}
	return bl
}

// header is the step's title and "step 2 of 5". The title comes from a
// routine file and may hold text terminals count differently (wide, zero
// width, emoji sequences): it is measured and cut by the larger count, so
// that the step counter always shows whole at the right edge.
func (m Model) header() string {
	return m.cached("header", 0, func() []style.Block {
		p := m.st.Player
		count := fmt.Sprintf("step %d of %d", m.state.StepNumber, m.state.Steps)
		line := style.SafeSpread(m.step().Title, p.Title, p.StepCount.Render(count), m.w)
		return []style.Block{{Lines: []string{line}}}
	})[0].Lines[0]
}

// helpLine is the help at the foot of the screen, for the keys that mean
// something now.
// scroll: the heat-safety lines scroll, so ↓ is shown.
func (m Model) helpLine(scroll bool) string {
	extra := int(m.keys.md)
	if m.paused() {
		extra |= 1 << 4
	}
	if m.full {
		extra |= 1 << 5
	}
	if m.keys.Minutes.Enabled() {
		extra |= 1 << 6
	}
	if scroll {
		extra |= 1 << 7
	}
	if m.keys.Skin.Enabled() {
		extra |= 1 << 8
	}
	return m.cached("help", extra, func() []style.Block {
		h := help.New()
		h.Styles = m.st.Help
		h.ShowAll = m.full
		k := m.keys
		k.scroll = scroll
		// The help bubble can overrun its width by an item; Fit cuts it.
		return []style.Block{{Lines: []string{style.Fit(style.HelpView(h, k, m.w), m.w, m.h)}}}
	})[0].Lines[0]
}

func (m Model) statusLine() string {
	p := m.st.Player
	word, detail := m.statusWords()
	line := p.Status.Render(word)
	if detail != "" {
		line += p.Detail.Render(" · " + detail)
	}
	if m.paused() {
		line = p.Paused.Render("PAUSED") + p.Detail.Render(" · ") + line + p.Detail.Render(" · space to resume")
	}
	return style.Truncate(line, m.w)
}

// clockLines draws the countdown: big glyphs when big and they fit, one
// bold line otherwise. A paced step shows its phase beside it. With big
// glyphs, the step's picture goes beside them when the row has room
// (besidePic).
func (m Model) clockLines(big bool, left time.Duration) (lines []string, besidePic bool) {
	p := m.st.Player
	clock := p.Clock
	if m.mode() == modeRunning && m.paused() {
		clock = p.Stopped
	}
	text := routines.FormatClock(left)
	phase := ""
	if _, ok := m.pacedPhase(); ok {
		phase = strings.ToUpper(m.segment().Phase)
	}
	if big {
		cw := bigdigits.Width(text)
		var block []string
		width := 0
		switch {
		case phase == "" && bigdigits.Fits(text, m.w):
			block, width = styled(bigdigits.Render(text), clock), cw
		case phase != "" && bigdigits.Fits(phase, m.w-cw-4):
			both := lipgloss.JoinHorizontal(lipgloss.Top,
				p.Phase.Render(bigdigits.Render(phase)), "    ", clock.Render(bigdigits.Render(text)))
			block, width = style.Lines(both), lipgloss.Width(both)
		case phase != "" && bigdigits.Fits(phase, m.w):
			ls := m.center(bigdigits.Render(phase), bigdigits.Width(phase), p.Phase)
			return append(ls, m.center(text, len(text), clock)...), false
		}
		if block != nil {
			if ls, ok := m.beside(block, width); ok {
				return ls, true
			}
			return m.center(strings.Join(block, "\n"), width, lipgloss.Style{}), false
		}
	}
	if phase == "" {
		return m.center(text, len(text), clock), false
	}
	line := style.Truncate(p.Phase.Render(phase)+"   "+clock.Render(text), m.w)
	return m.center(line, lipgloss.Width(line), lipgloss.Style{}), false
}

// styled renders each line of a block in st.
func styled(block string, st lipgloss.Style) []string {
	ls := style.Lines(block)
	for i, l := range ls {
		ls[i] = st.Render(l)
	}
	return ls
}

// center styles a block and indents it to the middle of the width.
func (m Model) center(block string, width int, st lipgloss.Style) []string {
	pad := strings.Repeat(" ", max(0, (m.w-width)/2))
	ls := style.Lines(block)
	for i, l := range ls {
		ls[i] = pad + st.Render(l)
	}
	return ls
}

func (m Model) wrap(text string, st lipgloss.Style) []string {
	ls := style.Wrap(text, m.w)
	for i, l := range ls {
		ls[i] = st.Render(l)
	}
	return ls
}

// stepBar shows how far into the step the timeline is.
func (m Model) stepBar() string {
	first, last := m.plan().StepRange(m.segment().Step)
	start, end := m.plan().Segments[first].Start, m.plan().Segments[last].End()
	done := m.position() - start
	return m.progressLine("step", done, end-start, routines.FormatClock(end-start-done)+" left")
}

// routineBar shows how far into the whole routine the timeline is.
func (m Model) routineBar() string {
	if m.mode() == modeSettle {
		return m.progressLine("routine", 1, 1, "done")
	}
	pos := m.position()
	return m.progressLine("routine", pos, m.plan().Total, routines.FormatClock(m.plan().Total-pos)+" left")
}

const barLabelWidth = 8 // "routine "

func (m Model) progressLine(label string, done, total time.Duration, suffix string) string {
	p := m.st.Player
	lab := p.BarLabel.Render(fmt.Sprintf("%-*s", barLabelWidth, label))
	suf := " " + p.BarTime.Render(suffix)
	bw := m.w - barLabelWidth - lipgloss.Width(suf)
	if bw < 4 {
		return style.Truncate(lab+suf, m.w)
	}
	pct := 1.0
	if total > 0 {
		pct = float64(done) / float64(total)
	}
	return lab + m.st.Player.Bar(pct, bw) + suf
}

func (m Model) nextLine() string {
	title := m.nextTitle()
	if title == "" {
		return ""
	}
	p := m.st.Player
	return p.Next.Render("Next: ") + p.Cue.Render(style.SafeTruncate(title, m.w-len("Next: ")))
}

// dimAfter is how long lights out shows the sleep set-up before the screen
// goes dark.
const dimAfter = 20 * time.Second

// dark reports whether lights out has gone dark.
func (m Model) dark() bool {
	return m.state.LightsOut && m.segment().Duration-m.state.Left >= dimAfter
}

// lightsOutBlocks are the first seconds of the quiet time: the sleep set-up
// and one faint line; then the screen goes dark (View). Nothing changes on
// a dark screen, so no frame is drawn.
func (m Model) lightsOutBlocks() []style.Block {
	line := style.Truncate(m.st.Player.Detail.Render("Lights out. Any key ends the night."), m.w)
	return append(m.settleBlocks(), style.Block{Gap: true, Lines: []string{line}})
}

// firstStretch reports whether the step on show is the plan's first
// stretch (a hold or paced step).
func (m Model) firstStretch() bool {
	for _, seg := range m.plan().Segments {
		if m.plan().Routine.Steps[seg.Step].IsStretch() {
			return seg.Step == m.segment().Step
		}
	}
	return false
}
