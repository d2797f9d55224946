package model

import (
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/about"
	"github.com/supine-app/supine/internal/screens/ask"
	"github.com/supine-app/supine/internal/screens/check"
	"github.com/supine-app/supine/internal/screens/checkin"
	"github.com/supine-app/supine/internal/screens/outcome"
	"github.com/supine-app/supine/internal/screens/player"
	"github.com/supine-app/supine/internal/screens/recheck"
)

// The full screen is a front end of the evening (package evening): it
// turns the screens' actions into the evening's inputs, carries out its
// store effects in tea.Cmds (never inside Update), and shows the screen of
// the evening's stage. It decides no step of the evening.

// evMsg is the store's answer to one of the evening's effects. gen tells
// evenings apart, so that an answer for an evening that has ended is
// dropped.
type evMsg struct {
	gen int
	in  evening.Input
}

// evTickMsg asks the evening to look at the clock (the "after" check-in
// waits with a deadline).
type evTickMsg struct{ gen, tick int }

// moment is now on both clocks.
func (m Model) moment() evening.Moment {
	return evening.Moment{Wall: m.now(), Clock: m.clock.Now()}
}

// startEvening opens an evening: for a routine, or for the check on its
// own. Until the store answers, the screen says it is reading.
func (m Model) startEvening(entry evening.Entry, name string) (Model, tea.Cmd) {
	if name == "" {
		name = m.routineName
	}
	r, ok := m.opts.Library.Find(name)
	if !ok && entry == evening.ForRoutine {
		return m.goHome()
	}
	m.routineName = r.Name
	cfg := m.eveningConfig(entry, r)
	var st evening.Store
	if m.opts.Store != nil {
		st = m.opts.Store
	}
	m.keeper = evening.NewKeeper(st, m.rollover())
	m.evGen++
	ev, reply := evening.New(cfg, m.moment())
	m.ev = ev
	m.unknownFirst = 0
	return m.applyReply(reply, -1)
}

// eveningConfig is what an evening for routine r is opened with; home's
// length is planned from the same.
func (m Model) eveningConfig(entry evening.Entry, r routines.Routine) evening.Config {
	return evening.Config{Entry: entry, Routine: r, Plan: m.planOptions(), Rollover: m.rollover(),
		CheckIns: m.opts.CheckIns, Osteoporosis: m.opts.Osteoporosis, AfterWait: m.opts.AfterWait}
}

// evDo hands one input to the evening and shows what came of it.
func (m Model) evDo(in evening.Input) (Model, tea.Cmd) {
	if m.ev == nil {
		return m, nil
	}
	was := m.ev.State(m.moment()).Stage
	reply := m.ev.Do(in, m.moment())
	return m.applyReply(reply, was)
}

// applyReply shows what the evening did: the run's events on the player,
// its notes, its store effects as commands (in order), and the screen of
// its stage when the stage changed.
func (m Model) applyReply(r evening.Reply, was evening.Stage) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	if cmd := m.effects(r.Effects); cmd != nil {
		cmds = append(cmds, cmd)
	}
	now := m.moment()
	st := m.ev.State(now)
	switch {
	case st.Stage == evening.Running && m.screen == ScreenPlayer && st.Stage == was:
		var cmd tea.Cmd
		m.player, cmd = m.player.Show(r.Events)
		cmds = append(cmds, cmd)
	case st.Stage != was || st.Stage == evening.Running:
		var cmd tea.Cmd
		m, cmd = m.showStage(st, r.Events, was)
		cmds = append(cmds, cmd)
	}
	for _, n := range r.Notes {
		m = m.note(n)
	}
	if st.Stage == evening.After {
		cmds = append(cmds, m.evTick())
	}
	if st.Silent {
		m.player = m.player.SetSilent(true)
	}
	if st.Stored {
		m.saveErr = st.SaveErr
	}
	// The sleep lock follows the evening: held exactly while the pad may
	// be on and the evening watches it, whatever screen is on.
	if awake := st.HasRun && st.Run.KeepAwake() && st.Stage != evening.Closed; awake != m.awake {
		m.awake = awake
		if awake {
			cmds = append(cmds, m.heatOn())
		} else {
			m.awakeWords = ""
			m.player = m.player.SetAwake("")
			cmds = append(cmds, m.heatOff())
		}
	}
	return m, tea.Batch(cmds...)
}

// effects carries out the evening's store effects, in order and off the
// update loop, each answer coming back as an evMsg.
func (m Model) effects(effs []evening.Effect) tea.Cmd {
	if len(effs) == 0 {
		return nil
	}
	k, gen := m.keeper, m.evGen
	var seq []tea.Cmd
	for _, e := range effs {
		seq = append(seq, func() tea.Msg {
			if in := k.Perform(e); in != nil {
				return evMsg{gen: gen, in: in}
			}
			return nil
		})
	}
	return tea.Sequence(seq...)
}

// note shows one of the evening's one-off messages where it belongs.
func (m Model) note(n evening.Note) Model {
	switch n.Kind {
	case evening.SaveFailed:
		m.saveErr = errorString(n.Words)
		if m.screen == ScreenSummary {
			m = m.showSummary(m.ev.State(m.moment()))
		}
	case evening.AllClear:
		// The check-in says it with the question (Before); without
		// check-ins, the next screen does.
		switch m.screen {
		case ScreenAsk:
			m.ask = m.ask.Lead(n.Words)
		case ScreenPlayer:
			m.player = m.player.Note(n.Words)
		}
	default:
		if m.screen == ScreenPlayer {
			m.player = m.player.Note(n.Words)
		}
	}
	return m
}

type errorString string

func (e errorString) Error() string { return string(e) }

// evTick asks the evening's next tick while nothing else ticks it (the
// "after" check-in, which gives way to lights out by itself).
func (m *Model) evTick() tea.Cmd {
	d, ok := m.ev.Due(m.moment())
	if !ok {
		return nil
	}
	m.evTicks++
	msg := evTickMsg{gen: m.evGen, tick: m.evTicks}
	return tea.Tick(d+10*time.Millisecond, func(time.Time) tea.Msg { return msg })
}

// showStage puts on the screen of the evening's stage.
func (m Model) showStage(st evening.State, events []night.Event, was evening.Stage) (Model, tea.Cmd) {
	s := m.styles
	now := m.now()
	switch st.Stage {
	case evening.Reading:
		return m.setScreen(ScreenReading), nil
	case evening.Unknown:
		if m.unknownFirst == 0 {
			m.ask = ask.New(s, "Tonight is not known", safety.UnknownHelpOrPain, []string{safety.UnknownWhy}, ask.YesNoUnsure)
		} else {
			m.ask = ask.New(s, "Tonight is not known", safety.UnknownHeatRecently, []string{safety.UnknownWhy}, ask.YesNoUnsure)
		}
		return m.setScreen(ScreenAsk), nil
	case evening.Disclaimer:
		m.about = about.New(s).FirstNight()
		return m.setScreen(ScreenAbout), nil
	case evening.Precautions:
		return m.openPrecautions(), nil
	case evening.Void:
		v := st.Void
		m.outcome = outcome.ForTier(s, v.Void.Tier).Reported(v.Void.At, v.Void.Yes).Closed(v.VoidUntil).Standalone()
		return m.setScreen(ScreenOutcome), nil
	case evening.Check:
		m.check = check.NewAsking(s, m.ev.Asking(now))
		return m.setScreen(ScreenCheck), nil
	case evening.Shortcut:
		m.recheck = recheck.New(s, st.Since, now).SetRollover(m.rollover()).SetQuestions(st.ShortcutQuestions)
		return m.setScreen(ScreenRecheck), nil
	case evening.Outcome:
		m.outcome = outcome.ForCheck(s, screens.CheckDone{Tier: st.Check.Tier, Yes: st.Check.Yes}, st.Check.At)
		if st.Entry == evening.ForCheck {
			m.outcome = m.outcome.Standalone()
		}
		return m.setScreen(ScreenOutcome), nil
	case evening.Before:
		m.checkin = checkin.New(s, "Before")
		if st.AskWoke {
			m.checkin = m.checkin.AskWoke()
		}
		if st.AllClear {
			// The all-clear goes straight on, so its safety-net line is said here.
			m.checkin = m.checkin.Note("No red flags reported. " + safety.SafetyNet)
		}
		return m.setScreen(ScreenCheckin), nil
	case evening.Eased:
		m.ask = ask.New(s, "Woken by back pain", "Did anything ease it, such as moving or changing position?", nil, ask.YesNo)
		return m.setScreen(ScreenAsk), nil
	case evening.HeatQuestion:
		m.ask = ask.New(s, safety.HeatQuestionTitle, safety.HeatQuestion, []string{safety.HeatQuestionWhy}, ask.YesNoUnsure)
		return m.setScreen(ScreenAsk), nil
	case evening.Running:
		if was != evening.Running || m.screen != ScreenPlayer {
			m.player = player.New(s, m.ev.Run(), m.clock, guide.For(m.sleepPosition()), events).
				SetBreathing(m.opts.Breathing).SetMuted(m.muted()).SetFirstNight(!m.ev.Recent().AnyStepDone).SetSilent(st.Silent).SetGraphics(m.graphics).
				SetAwake(m.awakeWords)
			if note := startNote(st, was); note != "" {
				m.player = m.player.Note(note)
			}
			m = m.setScreen(ScreenPlayer)
			return m, m.player.Init()
		}
		var cmd tea.Cmd
		m.player, cmd = m.player.Show(events)
		return m, cmd
	case evening.After:
		m.checkin = checkin.New(s, "After").Note("If you do not answer, lights out comes by itself in a minute.")
		return m.setScreen(ScreenCheckin), nil
	case evening.PainStopped:
		m.outcome = outcome.StoppedForPain(s)
		return m.setScreen(ScreenOutcome), nil
	case evening.Summary:
		return m.showSummary(st), nil
	case evening.Closed:
		if st.Dark {
			// The night ended in the dark, as it should: the app closes
			// without lighting the screen again.
			m.quitting = true
			return m, tea.Quit
		}
		return m.goHome()
	}
	return m, nil
}

// startNote is what the player says as the routine starts, until the
// next key: why tonight's routine is not the whole routine (the evening's
// reasons, as plain mode says them: the gate's, a heat trial's night
// without heat), and why heat is out after tonight's heat question.
func startNote(st evening.State, was evening.Stage) string {
	lines := slices.Clone(st.Reasons)
	if st.HeatLeftOut != "" && was == evening.HeatQuestion {
		lines = append(lines, st.HeatLeftOut)
	}
	return strings.Join(lines, " ")
}

// eveningAction turns a screen's action into the evening's input, while an
// evening is on. It reports false for actions the evening does not take
// (the root handles them as before).
func (m Model) eveningAction(a screens.Action) (Model, tea.Cmd, bool) {
	if m.ev == nil {
		return m, nil, false
	}
	st := m.ev.State(m.moment())
	var in evening.Input
	switch a := a.(type) {
	case screens.CheckDone:
		in = evening.AnsweredCheck{Tier: a.Tier, Yes: a.Yes, PatternAsked: a.PatternAsked}
	case screens.ShortcutDone:
		in = evening.AnsweredShortcut{Yes: a.Yes, Woke: a.Woke}
	case screens.GoOn:
		in = evening.GoOn{}
	case screens.PrecautionsDone:
		in = evening.AnsweredPrecautions{Answers: a.Answers, Cleared: a.Cleared}
	case screens.Seen:
		in = evening.Seen{}
	case screens.RunCmd:
		in = evening.RunCommand{Command: a.Cmd}
	case screens.RunTick:
		in = evening.Tick{}
	case screens.CheckedIn:
		var v *int
		if !a.Skipped {
			val := a.Value
			v = &val
		}
		if st.Stage == evening.After {
			in = evening.AnsweredAfter{Tightness: v}
		} else {
			in = evening.AnsweredBefore{Tightness: v, Woke: a.Woke}
		}
	case screens.Answered:
		switch st.Stage {
		case evening.Eased:
			in = evening.AnsweredEased{Eased: a.Answer == screens.AnswerYes}
		case evening.HeatQuestion:
			in = evening.AnsweredHeat{Answer: answer(a.Answer)}
		case evening.Unknown:
			if m.unknownFirst == 0 {
				m.unknownFirst = a.Answer
				next, cmd := m.showStage(st, nil, st.Stage)
				return next, cmd, true
			}
			in = evening.AnsweredUnknown{HelpOrPain: answer(m.unknownFirst), HeatRecently: answer(a.Answer)}
		}
	case screens.Back:
		switch st.Stage {
		case evening.Outcome, evening.Void, evening.PainStopped, evening.Summary:
			in = evening.Stop{}
		default:
			in = evening.Leave{}
		}
	default:
		return m, nil, false
	}
	if in == nil {
		return m, nil, true
	}
	next, cmd := m.evDo(in)
	return next, cmd, true
}

func answer(a screens.Answer) evening.Answer {
	switch a {
	case screens.AnswerYes:
		return evening.Yes
	case screens.AnswerNo:
		return evening.No
	}
	return evening.NotSure
}

// evening messages: the store's answers and the evening's own ticks.
func (m Model) eveningMsg(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case evMsg:
		if m.ev == nil || msg.gen != m.evGen {
			// An evening that has ended: only how its last saves went
			// still matters (home says when one failed).
			if s, ok := msg.in.(evening.Saved); ok && s.Seq > 0 {
				m.saveErr = s.Err
				if m.screen == ScreenHome {
					m.home = m.home.SetData(m.homeData())
					m = m.resized()
				}
			}
			return m, nil, true
		}
		next, cmd := m.evDo(msg.in)
		return next, cmd, true
	case evTickMsg:
		if m.ev == nil || msg.gen != m.evGen || msg.tick != m.evTicks {
			return m, nil, true
		}
		next, cmd := m.evDo(evening.Tick{})
		return next, cmd, true
	}
	return m, nil, false
}
