package model

import (
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/check"
	"github.com/supine-app/supine/internal/screens/checkin"
	"github.com/supine-app/supine/internal/screens/home"
	"github.com/supine-app/supine/internal/screens/outcome"
	"github.com/supine-app/supine/internal/screens/player"
	"github.com/supine-app/supine/internal/screens/recheck"
	"github.com/supine-app/supine/internal/screens/summary"
	"github.com/supine-app/supine/internal/screens/tips"
	"github.com/supine-app/supine/internal/screens/why"
	"github.com/supine-app/supine/internal/textsafe"
)

// handleAction is the state machine: every decision a screen reports ends up
// here, and only here does the screen change.
func (m Model) handleAction(a screens.Action) (Model, tea.Cmd) {
	if m.screen == ScreenHome {
		// The routine picked on home is kept for the whole run.
		if sel := m.home.Selected(); sel != "" {
			m.routineName = sel
		}
	}
	switch a := a.(type) {
	case screens.Quit:
		if m.screen == ScreenPlayer && m.player.Running() {
			m.confirmQuit = true
			return m, nil
		}
		return m.quit()
	case screens.Back:
		return m.goHome()
	case screens.StartRoutine:
		return m.startRoutine(a.Name), nil
	case screens.OpenCheck:
		if m.screen != ScreenRecheck {
			m.flow = flowStandalone
		}
		return m.openCheck(), nil
	case screens.OpenTips:
		m.tips = tips.New(*m.styles, m.position)
		return m.setScreen(ScreenTips), nil
	case screens.OpenWhy:
		m.why = why.New(*m.styles)
		return m.setScreen(ScreenWhy), nil
	case screens.OpenPrecautions:
		return m.openPrecautions(""), nil
	case screens.SkipTonight:
		return m, m.skipTonight()
	case screens.PrecautionsDone:
		return m.precautionsDone(a)
	case screens.OpenHistory:
		if m.opts.Store == nil {
			return m.showHistory(historyMsg{}), nil
		}
		return m, loadHistory(m.opts.Store, true, m.now, m.rollover())
	case screens.PickPosition:
		p, ok := guide.ParsePosition(a.Position)
		if !ok {
			return m.goHome()
		}
		m.position = p
		next, cmd := m.goHome()
		return next, tea.Batch(cmd, savePosition(m.opts.SavePosition, p))
	case screens.CheckDone:
		return m.checked(a)
	case screens.ClinicianChecked:
		return m.clinicianChecked(a)
	case screens.GoOn:
		return m.beginCheckin()
	case screens.CheckedIn:
		return m.checkedIn(a)
	case screens.PlayerDone:
		return m.playerDone(a)
	case screens.StretchesDone:
		return m.stretchesDone()
	}
	return m, nil
}

// goHome ends whatever was on and shows home, with history read afresh when
// a session was written.
func (m Model) goHome() (Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.sess.saving {
		// A session left at an outcome (a BOOK answered "no") has ended on
		// purpose: it is finished, not partial.
		// So is one left at the after check-in: the routine is over.
		if (m.screen == ScreenOutcome || m.screen == ScreenCheckinAfter) && !m.saver.isFinal() {
			cmd = m.saveSession(true)
		}
		cmd = tea.Sequence(cmd, loadHistory(m.opts.Store, false, m.now, m.rollover()))
	}
	m.sess = session{}
	m.home = home.New(*m.styles, m.homeData())
	return m.setScreen(ScreenHome), cmd
}

func (m Model) homeData() home.Data {
	d := home.Data{Selected: m.routineName, Skipped: len(m.opts.Library.Skipped), Notice: m.notice(), Nudge: withReport(m.nudge().Short),
		Adapted: m.adaptation().Reasons, Reminder: m.reminder()}
	for _, r := range m.opts.Library.Routines {
		d.Routines = append(d.Routines, home.Routine{
			Name:  r.Name,
			Title: r.Title,
			Total: m.adapted(r).Total(m.planOptions()),
		})
	}
	return d
}

func (m Model) planOptions() routines.Options { return m.opts.PlanOptions() }

// startRoutine begins a session, within what tonight allows (night.Gate):
// after an EMERGENCY or URGENT outcome tonight only that outcome is shown;
// otherwise a red-flag check always comes first, and only when the gate
// allows it is that the short "anything new?" question. Heat and stretches
// left out tonight are left out of the plan.
func (m Model) startRoutine(name string) Model {
	if name == "" {
		name = m.routineName
	}
	r, ok := m.opts.Library.Find(name)
	if !ok {
		m, _ = m.goHome()
		return m
	}
	g := m.gate()
	if g.IsVoid {
		return m.voidOutcome(g)
	}
	m.routineName = r.Name
	if m.precautionsDue() {
		return m.openPrecautions(r.Name)
	}
	// The precautions adapt the routine before tonight's rules do; the
	// session keeps the routine its plan was expanded from, so that step
	// indexes name the right steps.
	r = g.Routine(m.adapted(r))
	m.sess = session{active: true, routine: r, plan: routines.Expand(r, g.Options(m.planOptions())), started: m.now()}
	m.saver = &saver{store: m.opts.Store}
	m.flow = flowRoutine
	if g.Shortcut && m.hist.loaded {
		m.recheck = recheck.New(*m.styles, g.Since, m.now()).SetRollover(m.rollover())
		return m.setScreen(ScreenRecheck)
	}
	return m.openCheck()
}

// openCheck shows the full check, unless tonight is void: a new check
// cannot undo what was reported.
func (m Model) openCheck() Model {
	if g := m.gate(); g.IsVoid {
		return m.voidOutcome(g)
	}
	m.check = check.New(*m.styles).WithClinicianChecks(m.clinicianInForce())
	return m.setScreen(ScreenCheck)
}

// checked routes the red-flag result. EMERGENCY and URGENT end the session:
// the outcome screen offers no way on to the routine.
func (m Model) checked(a screens.CheckDone) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	// Every answer is remembered, the short "nothing new" too: what
	// tonight allows depends on all of them.
	m, save := m.noteCheck(a, m.screen == ScreenCheck)
	cmds = append(cmds, save)
	m.sess.tier, m.sess.checked = a.Tier, true
	if g := m.gate(); m.flow == flowRoutine && m.sess.active && !g.IsVoid {
		// What the check reported shapes tonight's plan (severe pain during
		// the exercises leaves them out).
		m.sess.plan = routines.Expand(g.Routine(m.sess.routine), g.Options(m.planOptions()))
	}
	if m.flow == flowRoutine {
		m.sess.saving = true
		cmds = append(cmds, m.saveSession(safety.EndsSession(a.Tier)))
	}
	if m.flow == flowRoutine && a.Tier == safety.None {
		next, cmd := m.beginCheckin()
		return next, tea.Batch(append(cmds, cmd)...)
	}
	if safety.EndsSession(a.Tier) {
		m.sess.active = false
	}
	m.outcome = outcome.ForCheck(*m.styles, a, m.now())
	if m.flow != flowRoutine {
		m.outcome = m.outcome.Standalone()
	}
	return m.setScreen(ScreenOutcome), tea.Batch(cmds...)
}

// beginCheckin asks how tight the back is before the routine, unless the
// settings turned check-ins off.
func (m Model) beginCheckin() (Model, tea.Cmd) {
	if !m.sess.active {
		return m.goHome()
	}
	if !m.opts.CheckIns {
		return m.startPlayer()
	}
	m.checkin = checkin.New(*m.styles, "Before").AskWoke()
	if m.sess.tier == safety.None {
		// The all-clear goes straight on, so its safety-net line is said here.
		m.checkin = m.checkin.Note("No red flags reported. " + safety.SafetyNet)
	}
	return m.setScreen(ScreenCheckinBefore), nil
}

func (m Model) checkedIn(a screens.CheckedIn) (Model, tea.Cmd) {
	var v *int
	if !a.Skipped {
		val := a.Value
		v = &val
	}
	if m.screen == ScreenCheckinBefore {
		m.sess.before, m.sess.woke = v, a.Woke
		return m.startPlayer()
	}
	m.sess.after = v
	if m.player.AwaitingLightsOut() {
		return m.lightsOut()
	}
	return m.finishSession()
}

// stretchesDone asks how the back feels right after the last stretch, then
// lights out; without check-ins, lights out comes at once.
func (m Model) stretchesDone() (Model, tea.Cmd) {
	if !m.opts.CheckIns {
		return m.lightsOut()
	}
	m.checkin = checkin.New(*m.styles, "After")
	save := m.saveSession(false)
	return m.setScreen(ScreenCheckinAfter), save
}

// lightsOut shows the sleep set-up and starts the quiet time; the night
// ends by itself (playerDone) and is saved as complete.
func (m Model) lightsOut() (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.player, cmd = m.player.StartLightsOut()
	m = m.setScreen(ScreenPlayer)
	return m, tea.Batch(cmd, m.saveSession(false))
}

func (m Model) startPlayer() (Model, tea.Cmd) {
	m.player = player.New(*m.styles, m.sess.plan, m.clock, guide.For(m.sleepPosition())).
		SetBreathing(m.opts.Breathing).SetMuted(m.muted()).SetFirstNight(m.firstNight())
	m = m.setScreen(ScreenPlayer)
	save := m.saveSession(false)
	if m.player.AwaitingLightsOut() {
		// Nothing but the sleep set-up tonight (after a stop for pain):
		// the "before" check-in was just asked, so lights out comes at once.
		next, cmd := m.lightsOut()
		return next, tea.Batch(save, cmd)
	}
	return m, tea.Batch(m.player.Init(), save)
}

func (m Model) finishSession() (Model, tea.Cmd) {
	save := m.saveSession(true)
	return m.showSummary(), save
}

func (m Model) playerDone(a screens.PlayerDone) (Model, tea.Cmd) {
	m.sess.progress = a
	m.sess.done = true
	m.sess.ended = m.now()
	if m.screen == ScreenPlayer {
		m = m.noteHeat()
	}
	if a.Reason == screens.StoppedByPain {
		m = m.notePain(a.PainStep)
		m.sess.active = false
		m.outcome = outcome.StoppedForPain(*m.styles)
		save := m.saveSession(true)
		return m.setScreen(ScreenOutcome), save
	}
	if a.Reason == screens.Finished && m.player.LightsOutEnded() {
		// The night ended in the dark, as it should: saved as complete, and
		// the app closes without lighting the screen again.
		save := m.saveSession(true)
		m.quitting = true
		return m, tea.Sequence(save, tea.Quit)
	}
	if !m.opts.CheckIns {
		return m.finishSession()
	}
	m.checkin = checkin.New(*m.styles, "After")
	save := m.saveSession(false)
	return m.setScreen(ScreenCheckinAfter), save
}

func (m Model) showSummary() Model {
	p := m.sess.progress
	// Tonight counts in the streak and the weeks rule once it is stored (the
	// store may not have it back in hist yet); until then the summary says
	// the save failed instead.
	all := m.hist.sessions
	stored, saveErr := m.saver.stored()
	if stored {
		all = append([]history.Session{m.record()}, all...)
	}
	var saveProblem string
	if saveErr != nil {
		saveProblem = "Tonight is not saved yet, so it is not counted: " + textsafe.Clean(saveErr.Error()) +
			" supine tries again when you quit."
	}
	streak := 0
	var nudge string
	if m.hist.loaded {
		streak = history.Streak(all, m.now(), m.rollover())
		if n, ok := history.WeeksRule(all, m.now(), m.rollover()); ok {
			nudge = withReport(n.Short)
		}
	}
	// Tonight's own figures come first: tightness 2 or more points up after
	// the stretches (CONTENT.md section 7).
	if n, ok := history.AfterStretches(m.record()); ok && m.didStretch(p) {
		nudge = n.Text
	}
	m.summary = summary.New(*m.styles, summary.Data{
		Routine:     m.sess.routine.Title,
		Completed:   m.sess.stepTitles(p.Completed),
		Skipped:     m.sess.stepTitles(p.Skipped),
		HeatMinutes: p.HeatMins,
		Before:      m.sess.before,
		After:       m.sess.after,
		Streak:      streak,
		Setup:       guide.For(m.sleepPosition()),
		Reason:      p.Reason,
		Nudge:       nudge,
		SaveProblem: saveProblem,
	})
	m.sess.active = false
	return m.setScreen(ScreenSummary)
}

// positionSavedMsg reports where a picked sleep position was kept.
type positionSavedMsg struct {
	position guide.Position
	where    string
	err      error
}

// savePosition keeps a picked position for the nights after, off the
// update loop: it writes the settings file.
func savePosition(save func(guide.Position) (string, error), p guide.Position) tea.Cmd {
	if save == nil {
		return nil
	}
	return func() tea.Msg {
		where, err := save(p)
		return positionSavedMsg{position: p, where: where, err: err}
	}
}

// positionSaved tells home where the position was kept, or why it was not.
func (m Model) positionSaved(msg positionSavedMsg) Model {
	if msg.err != nil {
		// Said in full even when the error names what failed: the person
		// needs to know the pick still holds tonight.
		m.info = "Your sleep position holds for tonight only: " + say.Stop(msg.err.Error())
	} else {
		m.info = "Sleep position " + string(msg.position) + " from tonight on, kept in " + msg.where + "."
	}
	if m.screen == ScreenHome {
		m.home = home.New(*m.styles, m.homeData())
		m = m.resized()
	}
	return m
}

// didStretch reports whether any stretch was done tonight (not only
// heat or the sleep set-up), for the "worse after the stretches" rule.
func (m Model) didStretch(p screens.PlayerDone) bool {
	for _, i := range p.Completed {
		if i >= 0 && i < len(m.sess.routine.Steps) {
			switch m.sess.routine.Steps[i].Kind {
			case routines.KindHold, routines.KindPaced:
				return true
			}
		}
	}
	return false
}

// firstNight reports whether no earlier night did a stretch: the first
// stretch then says to start with fewer reps and build up.
func (m Model) firstNight() bool {
	if !m.hist.loaded {
		return false // unknown: say nothing rather than something wrong
	}
	for _, s := range m.hist.sessions {
		if len(s.Completed) > 0 {
			return false
		}
	}
	return true
}

// withReport adds, to a history rule's nudge, how to take the figures to
// the appointment it suggests.
func withReport(nudge string) string {
	if nudge == "" {
		return ""
	}
	return nudge + " For the appointment: supine report."
}
