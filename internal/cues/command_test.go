package cues

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestSplitCommand(t *testing.T) {
	tests := []struct {
		line string
		want []string
		err  string
	}{
		{"", nil, ""},
		{"   ", nil, ""},
		{"paplay /usr/share/sounds/bell.oga", []string{"paplay", "/usr/share/sounds/bell.oga"}, ""},
		{"  paplay\t--volume=30000   a.oga ", []string{"paplay", "--volume=30000", "a.oga"}, ""},
		{`paplay "/home/me/My Sounds/bell.oga"`, []string{"paplay", "/home/me/My Sounds/bell.oga"}, ""},
		{`paplay '/home/me/My Sounds/$bell.oga'`, []string{"paplay", "/home/me/My Sounds/$bell.oga"}, ""},
		{`paplay /home/me/My\ Sounds/bell.oga`, []string{"paplay", "/home/me/My Sounds/bell.oga"}, ""},
		{`say "a \"quoted\" word" 'it''s'`, []string{"say", `a "quoted" word`, "its"}, ""},
		{`echo "back\\slash" "keep\n"`, []string{"echo", `back\slash`, `keep\n`}, ""},
		{`play "" x`, []string{"play", "", "x"}, ""},
		{`paplay "unclosed`, nil, `has a " quote that is never closed`},
		{`paplay 'unclosed`, nil, `has a ' quote that is never closed`},
		{`paplay trailing\`, nil, "ends with a lone backslash"},
	}
	for _, tt := range tests {
		got, err := SplitCommand(tt.line)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("SplitCommand(%q) error = %v, want one containing %q", tt.line, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("SplitCommand(%q) = %q, %v; want %q", tt.line, got, err, tt.want)
		}
	}
}

func TestCommand(t *testing.T) {
	cmds := map[string]string{
		"next_step":    "paplay next.oga",
		"switch_sides": `paplay "two sides.oga"`,
		"phase":        "",
		"heat_done":    `paplay "broken`,
		"done":         "canberra-gtk-play -i complete",
	}
	tests := []struct {
		name     string
		set      Settings
		kind     Kind
		wantName string
		wantArgs []string
		wantOK   bool
	}{
		{"command per kind", Settings{Sound: SoundCommand, Commands: cmds}, NextStep, "paplay", []string{"next.oga"}, true},
		{"quoted argument", Settings{Sound: SoundCommand, Commands: cmds}, SwitchSides, "paplay", []string{"two sides.oga"}, true},
		{"several arguments", Settings{Sound: SoundCommand, Commands: cmds}, Done, "canberra-gtk-play", []string{"-i", "complete"}, true},
		{"empty line", Settings{Sound: SoundCommand, Commands: cmds}, Phase, "", nil, false},
		{"kind not configured", Settings{Sound: SoundCommand, Commands: cmds}, LastSeconds, "", nil, false},
		{"broken line", Settings{Sound: SoundCommand, Commands: cmds}, HeatDone, "", nil, false},
		{"bell ignores commands", Settings{Sound: SoundBell, Commands: cmds}, NextStep, "", nil, false},
		{"off ignores commands", Settings{Sound: SoundOff, Commands: cmds}, NextStep, "", nil, false},
		{"soft keeps next step", Settings{Sound: SoundCommand, Volume: VolumeSoft, Commands: cmds}, NextStep, "paplay", []string{"next.oga"}, true},
		{"soft drops switch sides", Settings{Sound: SoundCommand, Volume: VolumeSoft, Commands: cmds}, SwitchSides, "", nil, false},
		{"no commands at all", Settings{Sound: SoundCommand}, NextStep, "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, args, ok := Command(tt.set, tt.kind)
			if name != tt.wantName || !slices.Equal(args, tt.wantArgs) || ok != tt.wantOK {
				t.Errorf("Command = %q %q %v; want %q %q %v", name, args, ok, tt.wantName, tt.wantArgs, tt.wantOK)
			}
		})
	}
}

func TestRunMissingProgram(t *testing.T) {
	tests := []struct{ name, want string }{
		{"supine-no-such-player", `the sound command "supine-no-such-player" was not found; install it or set sound = "bell" in config.toml`},
		{"/nonexistent/paplay", `the sound command "/nonexistent/paplay" was not found; install it or set sound = "bell" in config.toml`},
	}
	for _, tt := range tests {
		err := Run(context.Background(), tt.name, nil)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Run(%q) = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestRunNotExecutable(t *testing.T) {
	err := Run(context.Background(), "/etc/passwd", nil)
	if err == nil || !strings.Contains(err.Error(), `the sound command "/etc/passwd"`) {
		t.Errorf("Run(/etc/passwd) = %v, want a clear error", err)
	}
}

func TestRunStartsWithoutWaiting(t *testing.T) {
	// sleep outlives the call: Run must return while it still runs, and
	// cancelling the context stops it.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := Run(ctx, "sleep", []string{"30"}); err != nil {
		t.Fatalf("Run(sleep) = %v", err)
	}
}
