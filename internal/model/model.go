package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/notify"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/about"
	"github.com/supine-app/supine/internal/screens/ask"
	"github.com/supine-app/supine/internal/screens/check"
	"github.com/supine-app/supine/internal/screens/checkin"
	"github.com/supine-app/supine/internal/screens/clinician"
	histscreen "github.com/supine-app/supine/internal/screens/history"
	"github.com/supine-app/supine/internal/screens/home"
	"github.com/supine-app/supine/internal/screens/kitty"
	"github.com/supine-app/supine/internal/screens/outcome"
	"github.com/supine-app/supine/internal/screens/player"
	"github.com/supine-app/supine/internal/screens/precautions"
	"github.com/supine-app/supine/internal/screens/recheck"
	"github.com/supine-app/supine/internal/screens/style"
	"github.com/supine-app/supine/internal/screens/summary"
	"github.com/supine-app/supine/internal/screens/tips"
	"github.com/supine-app/supine/internal/screens/why"
)

// Minimum window the screens are designed for; below it one line asks for
// more room instead of drawing broken layouts.
const (
	minWidth     = 40
	minHeight    = 12
	contentWidth = 80 // content is capped near 80 columns and centred
)

// HangupMsg tells the model the terminal went away (SIGHUP): end now, keeping
// what was done.
type HangupMsg struct{}

// Model is the root model. It is a value: Update returns the next one.
type Model struct {
	opts   Options
	clock  routines.Clock
	now    func() time.Time
	styles *style.Styles // shared by pointer: the model is copied on every Update

	width, height int
	screen        Screen
	confirmQuit   bool
	quitting      bool
	position      guide.Position
	routineName   string

	home    home.Model
	check   check.Model
	outcome outcome.Model
	checkin checkin.Model
	player  player.Model
	summary summary.Model
	tips    tips.Model
	why     why.Model
	history histscreen.Model
	recheck recheck.Model
	ask     ask.Model

	precautionsScreen precautions.Model
	about             about.Model         // the disclaimer
	clinicianScreen   clinician.Model     // a clinician's check
	v3                contentState        // what the v3 screens remember (content.go)
	precautions       history.Precautions // the newest answers: from the store, or given in this run

	meas measures // the activity ratings and the heat trial (measures.go)

	// The evening on (nil at home): it decides every step from the check
	// to lights out; its keeper carries out its store effects. The model
	// owns it by pointer: bubbletea keeps only the newest model.
	ev           *evening.Evening
	keeper       *evening.Keeper
	evGen        int            // tells evenings apart, for answers that come late
	evTicks      int            // the evening's own tick, while no screen ticks it
	unknownFirst screens.Answer // the first answer of failing closed, until the second
	awake        bool           // the sleep lock is held (the pad may be on)
	awakeWords   string         // why the lock could not be held, while it should be

	hist    loadedHistory // the past, as last read from the store
	saveErr error         // the last save that failed, shown on home
	focused bool          // the terminal has focus (for notifications)
	warning string        // a problem to show on top of the screen, e.g. a missing sound command
	info    string        // what home says once, e.g. where a picked position was kept
	// progressSafe: the terminal draws OSC 9;4 as a progress bar.
	progressSafe bool
	// graphics is what the terminal said about images: the player's
	// pictures are images where it shows them, braille elsewhere.
	graphics kitty.Support
}

// New builds the root model from the options the CLI decided.
func New(opts Options) Model {
	m := Model{opts: opts, clock: opts.Clock, now: opts.Now, position: opts.Position, routineName: opts.Routine,
		focused: true, progressSafe: notify.ProgressSafe(opts.Env), graphics: kitty.NewSupport()}
	if m.clock == nil {
		m.clock = routines.SystemClock()
	}
	if m.now == nil {
		m.now = time.Now
	}
	if m.position == "" {
		m.position = guide.Side
	}
	if _, ok := opts.Library.Find(m.routineName); !ok && len(opts.Library.Routines) > 0 {
		m.routineName = opts.Library.Routines[0].Name
	}
	pal := style.Night()
	if opts.Palette == "light" {
		pal = style.Light()
	}
	m.styles = style.New(pal)
	m.home = home.New(m.styles, m.homeData())
	return m
}

// Init asks the terminal for its background (for the palette) and enters the
// first screen.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.opts.Palette == "" || m.opts.Palette == "auto" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	cmds = append(cmds, kitty.Query())
	var entry screens.Action
	switch m.opts.Entry {
	case EntryStart:
		entry = screens.StartRoutine{Name: m.routineName}
	case EntryCheck:
		entry = screens.OpenCheck{}
	case EntryTips:
		entry = screens.OpenTips{}
	case EntryWhy:
		entry = screens.OpenWhy{}
	case EntryHistory:
		entry = screens.OpenHistory{}
	case EntryPrecautions:
		entry = screens.OpenPrecautions{}
	}
	// Home's history is read first; an evening reads the store for itself
	// at each decision.
	load := loadHistory(m.opts.Store, false, m.now, m.rollover())
	cmds = append(cmds, m.loadMeasures(ScreenHome, nil))
	if entry != nil {
		load = tea.Sequence(load, func() tea.Msg { return enterMsg{entry} })
	}
	return tea.Batch(append(cmds, load)...)
}

// enterMsg carries the entry action from Init into Update, where state may
// change.
type enterMsg struct{ action screens.Action }

// Update handles what concerns the whole app and hands the rest to the
// active screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if g, answer := m.graphics.Answer(msg); g != m.graphics || answer {
		m.graphics = g
		m.player = m.player.SetGraphics(g)
		if answer {
			return m, nil
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m.sized(), nil
	case tea.BackgroundColorMsg:
		if m.opts.Palette == "" || m.opts.Palette == "auto" {
			m = m.withPalette(msg.IsDark())
		}
		return m, nil
	case enterMsg:
		return m.handleAction(msg.action)
	case screens.CueMsg:
		return m, m.cue(msg)
	case SoundFailMsg:
		m.warning = say.Sentence("", msg.Err)
		// The reminder may not sound as the heat step promised: the
		// evening knows, and the pad-off gate says so.
		return m.evDo(evening.ReminderFailed{})
	case reminderFailedMsg:
		m.warning = say.Sentence("", msg.err)
		next, cmd := m.evDo(evening.ReminderFailed{})
		return next, tea.Batch(cmd, tea.Raw(bell))
	case evMsg, evTickMsg:
		next, cmd, _ := m.eveningMsg(msg)
		return next, cmd
	case bellMsg:
		return m, tea.Raw(bell)
	case historyMsg:
		return m.historyLoaded(msg), nil
	case measuresMsg:
		return m.measuresLoaded(msg), nil
	case warnMsg:
		if msg.err != nil {
			m.warning = say.Sentence("", msg.err)
		}
		return m, nil
	case positionSavedMsg:
		return m.positionSaved(msg), nil
	case skippedMsg:
		return m.skipped(msg), nil
	case awakeMsg:
		return m.awakeFailed(msg), nil
	case savedMsg:
		if msg.err != nil {
			m.saveErr = msg.err
		}
		return m, nil
	case clinicianSavedMsg:
		return m.clinicianSaved(msg), nil
	case tea.FocusMsg:
		m.focused = true
	case tea.BlurMsg:
		m.focused = false
	case HangupMsg:
		return m.quit()
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return m.quit()
		}
		m.warning = ""
		if m.confirmQuit {
			return m.answerQuit(msg)
		}
	}
	cmd, action := m.updateActive(msg)
	if action == nil {
		return m, cmd
	}
	next, cmd2 := m.handleAction(action)
	return next, tea.Batch(cmd, cmd2)
}

func (m Model) withPalette(dark bool) Model {
	pal := style.Light()
	if dark {
		pal = style.Night()
	}
	if pal.Name == m.styles.Palette.Name {
		return m
	}
	m.styles = style.New(pal)
	return m.resized()
}

// screenSize is the room a screen gets: the window, capped near 80
// columns; the player takes up to player.MaxWidth.
func (m Model) screenSize() (int, int) {
	if m.screen == ScreenPlayer {
		return min(m.width, player.MaxWidth), m.height
	}
	return min(m.width, contentWidth), m.height
}

// resized gives the screen on show the current styles and its room. Hidden
// screens get both when they come on (setScreen), so neither a resize nor a
// change of palette is ever missed.
func (m Model) resized() Model { return m.fitted(m.styles) }

// sized gives the screen on show its room after the window changed size.
// Its styles are current already (setScreen and withPalette give them),
// and each SetStyles lays the screen out again: doing both on every
// resize laid it out twice.
func (m Model) sized() Model { return m.fitted(nil) }

// fitted sizes the screen on show, styling it first when st is not nil.
func (m Model) fitted(st *style.Styles) Model {
	w, h := m.screenSize()
	switch m.screen {
	case ScreenHome:
		m.home = fit(m.home, st, w, h)
	case ScreenCheck:
		m.check = fit(m.check, st, w, h)
	case ScreenOutcome:
		m.outcome = fit(m.outcome, st, w, h)
	case ScreenCheckin:
		m.checkin = fit(m.checkin, st, w, h)
	case ScreenPlayer:
		m.player = fit(m.player, st, w, h)
	case ScreenSummary:
		m.summary = fit(m.summary, st, w, h)
	case ScreenTips:
		m.tips = fit(m.tips, st, w, h)
	case ScreenWhy:
		m.why = fit(m.why, st, w, h)
	case ScreenHistory:
		m.history = fit(m.history, st, w, h)
	case ScreenRecheck:
		m.recheck = fit(m.recheck, st, w, h)
	case ScreenPrecautions:
		m.precautionsScreen = fit(m.precautionsScreen, st, w, h)
	case ScreenAbout:
		m.about = fit(m.about, st, w, h)
	case ScreenClinician:
		m.clinicianScreen = fit(m.clinicianScreen, st, w, h)
	case ScreenAsk:
		m.ask = fit(m.ask, st, w, h)
	default:
		m = m.resizeMeasure(st, w, h)
	}
	return m
}

// fit is SetStyles (when st is not nil) and SetSize on one screen.
func fit[S interface {
	SetStyles(*style.Styles) S
	SetSize(w, h int) S
}](s S, st *style.Styles, w, h int) S {
	if st != nil {
		s = s.SetStyles(st)
	}
	return s.SetSize(w, h)
}

// View lays the active screen out in the window.
func (m Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.ReportFocus = true // notifications go out only when the terminal is not in front
	v.WindowTitle = "supine"
	if m.screen == ScreenPlayer {
		v.WindowTitle = m.player.WindowTitle()
		v.ProgressBar = m.nativeProgress()
	}
	return v
}

func (m Model) content() string {
	if m.quitting || m.width == 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return m.tooSmall()
	}
	sw, _ := m.screenSize()
	body := centre(m.activeView(), sw, m.width, m.height)
	if m.warning != "" {
		body = m.overlayWarning(body)
	}
	if m.confirmQuit {
		body = m.overlayQuit(body)
	}
	return body
}
