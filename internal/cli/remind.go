package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/config"
	"github.com/supine-app/supine/internal/remind"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/textsafe"
)

// remindGOOS picks the scheduler; the tests set it to try each one with
// fake scheduler programs on PATH.
var remindGOOS = runtime.GOOS

// scheduler is the system's own scheduler for goos.
func scheduler(goos string, run remind.Runner) (remind.Scheduler, error) {
	switch goos {
	case "linux":
		if _, err := exec.LookPath("systemctl"); err != nil {
			return nil, errors.New("supine remind uses a systemd user timer on Linux, and systemctl is not on PATH; " + cronAdvice())
		}
		return remind.Systemd{Dir: filepath.Join(xdg.ConfigHome, "systemd", "user"), Run: run}, nil
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, fmt.Errorf("no home folder for the LaunchAgent (%v); set HOME", err)
		}
		return remind.Launchd{Dir: filepath.Join(home, "Library", "LaunchAgents"), UID: os.Getuid(), Run: run}, nil
	case "windows":
		return remind.Schtasks{Run: run}, nil
	}
	return nil, errors.New("supine remind works with systemd (Linux), launchd (macOS) and Task Scheduler (Windows); " + cronAdvice())
}

// cronAdvice is the way to a reminder where supine has no scheduler of its
// own to use: a crontab line the person adds.
func cronAdvice() string {
	return "on this system, add a line like 30 22 * * * supine nudge --at 22:30 to your crontab (crontab -e)"
}

// nudgeBinary is the absolute path of the running binary, which the
// scheduler runs. A build that go run left in a temporary folder is gone
// by bedtime: it is refused.
func nudgeBinary() (string, error) {
	bin, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("the path of supine itself cannot be found (%v); run it by its full path", err)
	}
	if abs, err := filepath.Abs(bin); err == nil {
		bin = abs
	}
	if tmp := os.TempDir(); strings.HasPrefix(bin, filepath.Clean(tmp)+string(filepath.Separator)) && strings.Contains(bin, "go-build") {
		return "", errors.New("this supine is a temporary build (go run), which is gone by bedtime; install it with go install and run supine remind at again")
	}
	return bin, nil
}

// schedulerEnv is the part of this environment the nudge needs: where the
// settings, the history and the reminder's state are.
func schedulerEnv() []string {
	var out []string
	for _, k := range remind.EnvKeys {
		if v := os.Getenv(k); v != "" {
			out = append(out, k+"="+v)
		}
	}
	return out
}

func remindCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "remind",
		Short: "Set or show a quiet bedtime reminder",
		Long: "supine remind at 22:30 asks the system's own scheduler (a systemd user timer, a LaunchAgent, " +
			"a Task Scheduler task) to run supine nudge every day at that time; supine remind off removes it; " +
			"supine remind says what is set and when it next comes. The nudge is one quiet notification " +
			"(\"Time for your back routine? Type supine.\"), at most one a night, and none when tonight's " +
			"routine is done or started, when you said not tonight (n on home, or supine nudge --skip), after " +
			"a check that ended tonight's routine or a stop for pain, within 2 hours of the heating pad, or " +
			"when it would come more than 90 minutes late.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return remindStatus(cmd.OutOrStdout(), time.Now())
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "at [HH:MM]",
		Short: "Set the reminder, at HH:MM or config.toml's time",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return remindAt(cmd.OutOrStdout(), args, time.Now())
		},
	}, &cobra.Command{
		Use:   "off",
		Short: "Remove the reminder, and only what supine remind set",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return remindOff(cmd.OutOrStdout())
		},
	})
	return cmd
}

// reminderSetting is the reminder line of config.toml ("" for none), and
// the file's problem with it, if any.
func reminderSetting(path string) (string, error) {
	s, problems := config.Load(path, nil)
	for _, p := range problems {
		if p.Key == "reminder" || p.Line == 0 {
			return "", p
		}
	}
	return s.Reminder, nil
}

func remindAt(w io.Writer, args []string, now time.Time) error {
	paths := defaultPaths()
	raw := ""
	if len(args) == 1 {
		raw = args[0]
	} else {
		set, err := reminderSetting(paths.Config)
		if err != nil {
			return err
		}
		if set == "" {
			return errors.New("give the time, like supine remind at 22:30 (config.toml sets no reminder)")
		}
		raw = set
	}
	at, err := remind.ParseClock(raw)
	if err != nil {
		return err
	}
	if os.Getenv("SUDO_USER") != "" && os.Geteuid() == 0 {
		return errors.New("supine remind sets a reminder for the person who runs it; run it without sudo")
	}
	bin, err := nudgeBinary()
	if err != nil {
		return err
	}
	sched, err := scheduler(remindGOOS, remind.Exec{})
	if err != nil {
		return err
	}
	if err := sched.Install(bin, at, schedulerEnv()); err != nil {
		return err
	}
	fprintln(w, fmt.Sprintf("A reminder at %s is set, in %s; next: %s.", at, sched.Name(), when(at.Next(now), now)))
	if err := config.SetReminder(paths.Config, at.String()); err != nil {
		fprintln(w, mutedStyle.Render(textsafe.Clean(fmt.Sprintf("config.toml could not be updated (%v); the reminder is set all the same.", err))))
	}
	if _, err := remind.Notifier(remindGOOS, exec.LookPath, remind.Title, remind.Message); err != nil {
		fprintln(w, textsafe.Clean(say.Capital(err.Error())+": until then the reminder cannot show."))
	}
	fprintln(w, mutedStyle.Render("It stays silent on a night when the routine is done or started, or when you say not tonight (n on home). supine remind off removes it."))
	return nil
}

func remindOff(w io.Writer) error {
	paths := defaultPaths()
	sched, err := scheduler(remindGOOS, remind.Exec{})
	if err != nil {
		return err
	}
	removed, err := sched.Remove()
	if set, _ := reminderSetting(paths.Config); set != "" {
		if cerr := config.SetReminder(paths.Config, config.ReminderOff); cerr != nil && err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	if !removed {
		fprintln(w, "No reminder was set; nothing was removed.")
		return nil
	}
	fprintln(w, "The reminder is removed: "+sched.Name()+" is gone.")
	return nil
}

func remindStatus(w io.Writer, now time.Time) error {
	paths := defaultPaths()
	set, cerr := reminderSetting(paths.Config)
	sched, err := scheduler(remindGOOS, remind.Exec{})
	if err != nil {
		return err
	}
	in, ok, err := sched.Status()
	if err != nil {
		return err
	}
	if !ok {
		fprintln(w, "No reminder is set. supine remind at 22:30 sets one.")
		if set != "" {
			fprintln(w, mutedStyle.Render(fmt.Sprintf("config.toml says reminder = %q: supine remind at sets it.", set)))
		}
		return cerr
	}
	at, known := in.At, in.AtKnown
	if !known && set != "" {
		at, _ = remind.ParseClock(set)
		known = true
	}
	if !known {
		fprintln(w, "A reminder is set, in "+in.Where+".")
		return cerr
	}
	fprintln(w, fmt.Sprintf("A reminder at %s is set, in %s; next: %s.", at, in.Where, when(at.Next(now), now)))
	if set != "" && set != at.String() {
		fprintln(w, mutedStyle.Render(fmt.Sprintf("config.toml says reminder = %q: supine remind at moves the reminder there.", set)))
	}
	return cerr
}

// when says a coming time the way a person reads it: "tonight at 22:30
// (in 3 h 10 min)", "tomorrow at 07:05 (in 9 h 35 min)".
func when(next, now time.Time) string {
	day := "tomorrow"
	if y, m, d := next.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		day = "today"
		if next.Hour() >= 18 {
			day = "tonight"
		}
	}
	return fmt.Sprintf("%s at %s (in %s)", day, next.Format("15:04"), remind.Span(next.Sub(now)))
}
