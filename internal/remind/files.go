package remind

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Names of what the reminder installs. Each is supine's own, so that
// `supine remind off` can remove exactly it and nothing else.
const (
	Unit     = "supine-reminder"     // the systemd units: .service and .timer
	Label    = "app.supine.reminder" // the LaunchAgent's label and file name
	TaskName = "supine-reminder"     // the Task Scheduler task
)

// Marker is on every file the reminder writes: a file without it at one of
// the reminder's paths is not supine's, and is never removed.
const Marker = "Written by `supine remind`; `supine remind off` removes it."

// EnvKeys are the variables a scheduled nudge is given from the
// environment `supine remind at` ran in, when set there: the folders where
// supine keeps its settings, history and state. A scheduler starts
// programs with an environment of its own, in which they may be missing.
var EnvKeys = []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"}

// Args are the arguments after the binary's path: the nudge, told the
// time it was scheduled for so that it can tell a late run.
func Args(at Clock) []string { return []string{"nudge", "--at", at.String()} }

// systemdQuote writes s as one double-quoted word of a unit file: C-style
// escapes for backslash and quote, %% for a specifier's %, and, in a
// command line (exec), $$ for a variable's $.
func systemdQuote(s string, exec bool) (string, error) {
	if strings.ContainsAny(s, "\x00\n\r") {
		return "", fmt.Errorf("%q cannot be written into a systemd unit (it holds a line break); move supine to a path without one", s)
	}
	pairs := []string{`\`, `\\`, `"`, `\"`, `%`, `%%`}
	if exec {
		pairs = append(pairs, `$`, `$$`)
	}
	return `"` + strings.NewReplacer(pairs...).Replace(s) + `"`, nil
}

// SystemdService is the unit that runs the nudge once. env is in
// os.Environ form, already limited to EnvKeys.
func SystemdService(bin string, at Clock, env []string) (string, error) {
	q, err := systemdQuote(bin, true)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n[Unit]\nDescription=supine: a quiet bedtime reminder\n\n[Service]\nType=oneshot\n", Marker)
	for _, kv := range env {
		qv, err := systemdQuote(kv, false)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "Environment=%s\n", qv)
	}
	fmt.Fprintf(&b, "ExecStart=%s %s\n", q, strings.Join(Args(at), " "))
	return b.String(), nil
}

// SystemdTimer is the timer that starts the service every day at at. It is
// not Persistent: a run missed while the machine was off is not made up
// at the next boot (the nudge also refuses to speak late, for a machine
// that was asleep).
func SystemdTimer(at Clock) string {
	return fmt.Sprintf(`# %s
[Unit]
Description=supine: a quiet bedtime reminder at %s

[Timer]
OnCalendar=*-*-* %s:00
AccuracySec=1min
# No catch-up: a reminder missed is not sent later.
Persistent=false

[Install]
WantedBy=timers.target
`, Marker, at, at)
}

var onCalendar = regexp.MustCompile(`(?m)^OnCalendar=\*-\*-\* (\d\d):(\d\d):00\s*$`)

// TimerClock reads the time back from a timer SystemdTimer wrote.
func TimerClock(unit string) (Clock, bool) {
	m := onCalendar.FindStringSubmatch(unit)
	if m == nil {
		return Clock{}, false
	}
	c, err := ParseClock(m[1] + ":" + m[2])
	return c, err == nil
}

// LaunchAgent is the property list of a LaunchAgent that runs the nudge
// every day at at. launchd runs a calendar job missed during sleep once on
// waking; the nudge itself stays silent when that is too late.
func LaunchAgent(bin string, at Clock, env []string) string {
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- %s -->
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>%s</string>
	<key>ProgramArguments</key>
	<array>
		<string>%s</string>
`, esc(Marker), Label, esc(bin))
	for _, a := range Args(at) {
		fmt.Fprintf(&b, "\t\t<string>%s</string>\n", esc(a))
	}
	fmt.Fprintf(&b, `	</array>
	<key>StartCalendarInterval</key>
	<dict>
		<key>Hour</key>
		<integer>%d</integer>
		<key>Minute</key>
		<integer>%d</integer>
	</dict>
`, at.Hour, at.Minute)
	if len(env) > 0 {
		b.WriteString("\t<key>EnvironmentVariables</key>\n\t<dict>\n")
		for _, kv := range env {
			k, v, _ := strings.Cut(kv, "=")
			fmt.Fprintf(&b, "\t\t<key>%s</key>\n\t\t<string>%s</string>\n", esc(k), esc(v))
		}
		b.WriteString("\t</dict>\n")
	}
	b.WriteString("\t<key>ProcessType</key>\n\t<string>Background</string>\n</dict>\n</plist>\n")
	return b.String()
}

var plistHour = regexp.MustCompile(`<key>Hour</key>\s*<integer>(\d+)</integer>\s*<key>Minute</key>\s*<integer>(\d+)</integer>`)

// AgentClock reads the time back from a property list LaunchAgent wrote.
func AgentClock(plist string) (Clock, bool) {
	m := plistHour.FindStringSubmatch(plist)
	if m == nil {
		return Clock{}, false
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	if h > 23 || mi > 59 {
		return Clock{}, false
	}
	return Clock{h, mi}, true
}

// SchtasksCreate is the command line that creates (or replaces, /F) the
// daily task. The binary's path is quoted inside the task's command (a
// Windows path holds no double quote); every word is its own argument,
// never a shell string. A task created so is not run late when the
// machine was off at the time (no "run as soon as possible").
func SchtasksCreate(bin string, at Clock) []string {
	tr := `"` + bin + `" ` + strings.Join(Args(at), " ")
	return []string{"schtasks", "/Create", "/TN", TaskName, "/TR", tr, "/SC", "DAILY", "/ST", at.String(), "/F"}
}

// SchtasksDelete removes the task, and only it.
func SchtasksDelete() []string { return []string{"schtasks", "/Delete", "/TN", TaskName, "/F"} }

// SchtasksQuery asks for the task; it fails when there is none.
func SchtasksQuery() []string { return []string{"schtasks", "/Query", "/TN", TaskName, "/FO", "LIST"} }
