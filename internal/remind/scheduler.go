package remind

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/userfile"
)

// Runner runs one scheduler command (argv[0] found on PATH) and returns
// what it printed. Exec is the real one; tests use a fake.
type Runner interface {
	Run(argv ...string) (string, error)
}

// Exec runs programs for real, each with a time-out: a scheduler that
// does not answer must not hold the command line. Env is added to the
// environment the program inherits.
type Exec struct {
	Timeout time.Duration
	Env     []string
}

// Run runs argv; the error is one sentence with the program's first line
// of output.
func (e Exec) Run(argv ...string) (string, error) {
	timeout := e.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	if len(e.Env) > 0 {
		cmd.Env = append(os.Environ(), e.Env...)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		line, _, _ := strings.Cut(msg, "\n")
		if line == "" {
			line = err.Error()
		}
		return string(out), fmt.Errorf("the command %s failed (%s)", strings.Join(argv[:min(len(argv), 3)], " "), textsafe.Clean(line))
	}
	return string(out), nil
}

// Installed is the reminder a scheduler holds.
type Installed struct {
	At      Clock
	AtKnown bool   // false when the scheduler cannot say the time (Windows)
	Where   string // Scheduler.Name
}

// Scheduler is the system's own scheduler, holding at most one reminder.
type Scheduler interface {
	// Name says what the reminder is kept in, for messages: "the systemd
	// user timer supine-reminder.timer".
	Name() string
	// Install sets the reminder to run bin at at every day, replacing one
	// set before. On failure nothing of it is left behind.
	Install(bin string, at Clock, env []string) error
	// Remove takes away exactly what Install set; false when there was
	// nothing to remove.
	Remove() (bool, error)
	// Status says what is installed; false when nothing is.
	Status() (Installed, bool, error)
}

// Systemd keeps the reminder as a systemd user timer and service in Dir,
// the user's unit folder ($XDG_CONFIG_HOME/systemd/user).
type Systemd struct {
	Dir string
	Run Runner
}

func (s Systemd) Name() string { return "the systemd user timer " + Unit + ".timer" }

func (s Systemd) paths() (service, timer string) {
	return filepath.Join(s.Dir, Unit+".service"), filepath.Join(s.Dir, Unit+".timer")
}

func (s Systemd) systemctl(args ...string) error {
	_, err := s.Run.Run(append([]string{"systemctl", "--user"}, args...)...)
	return err
}

func (s Systemd) Install(bin string, at Clock, env []string) error {
	service, timer := s.paths()
	svc, err := SystemdService(bin, at, env)
	if err != nil {
		return err
	}
	for _, p := range []string{service, timer} {
		if err := notOurs(p); err != nil {
			return err
		}
	}
	_, had, _ := s.Status()
	if err := writeFiles(s.Dir, map[string]string{service: svc, timer: SystemdTimer(at)}); err != nil {
		return err
	}
	undo := func(err error) error {
		_ = s.systemctl("disable", "--now", Unit+".timer")
		removeFiles(service, timer)
		_ = s.systemctl("daemon-reload")
		if had {
			return fmt.Errorf("%w; supine remind needs a systemd user session (systemctl --user); nothing was installed, and the reminder set before is gone too", err)
		}
		return fmt.Errorf("%w; supine remind needs a systemd user session (systemctl --user), and nothing was installed", err)
	}
	if err := s.systemctl("daemon-reload"); err != nil {
		return undo(err)
	}
	if err := s.systemctl("enable", "--now", Unit+".timer"); err != nil {
		return undo(err)
	}
	if had {
		// An active timer keeps the time it was started with.
		if err := s.systemctl("restart", Unit+".timer"); err != nil {
			return undo(err)
		}
	}
	return nil
}

func (s Systemd) Remove() (bool, error) {
	service, timer := s.paths()
	found := false
	for _, p := range []string{service, timer} {
		if err := notOurs(p); err != nil {
			return false, err
		}
		if exists(p) {
			found = true
		}
	}
	if !found {
		return false, nil
	}
	// Stopped first, and the files go even when systemd cannot be reached:
	// without them, the timer cannot come back at the next login.
	stopErr := s.systemctl("disable", "--now", Unit+".timer")
	if err := removeFiles(service, timer); err != nil {
		return true, err
	}
	if err := s.systemctl("daemon-reload"); err != nil && stopErr == nil {
		stopErr = err
	}
	if stopErr != nil {
		return true, fmt.Errorf("the reminder's files were removed, but %v; it ends at your next login", stopErr)
	}
	return true, nil
}

func (s Systemd) Status() (Installed, bool, error) {
	_, timer := s.paths()
	data, err := os.ReadFile(timer)
	if errors.Is(err, fs.ErrNotExist) {
		return Installed{}, false, nil
	}
	if err != nil {
		return Installed{}, false, fmt.Errorf("the reminder's timer %s could not be read (%v)", textsafe.Quote(timer), userfile.Cause(err))
	}
	if !strings.Contains(string(data), Marker) {
		return Installed{}, false, nil
	}
	at, ok := TimerClock(string(data))
	return Installed{At: at, AtKnown: ok, Where: s.Name()}, true, nil
}

// Launchd keeps the reminder as a LaunchAgent in Dir
// (~/Library/LaunchAgents), loaded into the person's GUI session.
type Launchd struct {
	Dir string
	UID int
	Run Runner
}

func (l Launchd) Name() string { return "the LaunchAgent " + Label }

func (l Launchd) path() string { return filepath.Join(l.Dir, Label+".plist") }

func (l Launchd) domain() string { return "gui/" + strconv.Itoa(l.UID) }

func (l Launchd) Install(bin string, at Clock, env []string) error {
	p := l.path()
	if err := notOurs(p); err != nil {
		return err
	}
	// A reminder set before is unloaded first: launchd keeps the old
	// schedule until it is.
	_, _ = l.Run.Run("launchctl", "bootout", l.domain()+"/"+Label)
	if err := writeFiles(l.Dir, map[string]string{p: LaunchAgent(bin, at, env)}); err != nil {
		return err
	}
	if _, err := l.Run.Run("launchctl", "bootstrap", l.domain(), p); err != nil {
		removeFiles(p)
		return fmt.Errorf("%w; nothing was installed", err)
	}
	return nil
}

func (l Launchd) Remove() (bool, error) {
	p := l.path()
	if err := notOurs(p); err != nil {
		return false, err
	}
	if !exists(p) {
		return false, nil
	}
	_, stopErr := l.Run.Run("launchctl", "bootout", l.domain()+"/"+Label)
	if err := removeFiles(p); err != nil {
		return true, err
	}
	if stopErr != nil {
		return true, fmt.Errorf("the reminder's file was removed, but %v; it ends at your next login", stopErr)
	}
	return true, nil
}

func (l Launchd) Status() (Installed, bool, error) {
	data, err := os.ReadFile(l.path())
	if errors.Is(err, fs.ErrNotExist) {
		return Installed{}, false, nil
	}
	if err != nil {
		return Installed{}, false, fmt.Errorf("the reminder's file %s could not be read (%v)", textsafe.Quote(l.path()), userfile.Cause(err))
	}
	if !strings.Contains(string(data), Marker) {
		return Installed{}, false, nil
	}
	at, ok := AgentClock(string(data))
	return Installed{At: at, AtKnown: ok, Where: l.Name()}, true, nil
}

// Schtasks keeps the reminder as a Task Scheduler task of the person's
// own, which keeps no file of supine's.
type Schtasks struct{ Run Runner }

func (w Schtasks) Name() string { return "the Task Scheduler task " + TaskName }

func (w Schtasks) Install(bin string, at Clock, _ []string) error {
	if _, err := w.Run.Run(SchtasksCreate(bin, at)...); err != nil {
		return fmt.Errorf("%w; nothing was installed", err)
	}
	return nil
}

func (w Schtasks) Remove() (bool, error) {
	if _, err := w.Run.Run(SchtasksQuery()...); err != nil {
		return false, nil // no such task
	}
	if _, err := w.Run.Run(SchtasksDelete()...); err != nil {
		return true, err
	}
	return true, nil
}

func (w Schtasks) Status() (Installed, bool, error) {
	if _, err := w.Run.Run(SchtasksQuery()...); err != nil {
		return Installed{}, false, nil
	}
	return Installed{Where: w.Name()}, true, nil
}

// notOurs refuses a file at one of the reminder's paths that supine did
// not write: it is never overwritten nor removed.
func notOurs(path string) error {
	data, err := os.ReadFile(path)
	if err != nil || strings.Contains(string(data), Marker) {
		return nil
	}
	return fmt.Errorf("%s was not written by supine remind, so it is left as it is; move it away and try again", textsafe.Quote(path))
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// writeFiles writes each file whole (a temporary file and a rename),
// readable only by the person; on failure none of them is left.
func writeFiles(dir string, files map[string]string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("the folder %s could not be created (%v); check that you can write there", textsafe.Quote(dir), userfile.Cause(err))
	}
	var written []string
	for p, data := range files {
		if err := userfile.WriteAtomic(p, []byte(data), 0o600); err != nil {
			removeFiles(written...)
			return fmt.Errorf("%s could not be written (%v); check that you can write there", textsafe.Quote(p), userfile.Cause(err))
		}
		written = append(written, p)
	}
	return nil
}

func removeFiles(paths ...string) error {
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s could not be removed (%v); remove it yourself", textsafe.Quote(p), userfile.Cause(err))
		}
	}
	return nil
}
