package notify

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFor(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		want Kind
	}{
		{"nothing at all", nil, None},
		{"dumb terminal", []string{"TERM=dumb"}, None},
		{"linux console prints unknown OSC", []string{"TERM=linux"}, None},
		{"unknown xterm defaults to OSC 9", []string{"TERM=xterm-256color"}, OSC9},
		{"alacritty", []string{"TERM=alacritty"}, OSC9},
		{"iTerm2", []string{"TERM=xterm-256color", "TERM_PROGRAM=iTerm.app"}, OSC9},
		{"iTerm2 over ssh", []string{"TERM=xterm-256color", "LC_TERMINAL=iTerm2"}, OSC9},
		{"Apple Terminal", []string{"TERM=xterm-256color", "TERM_PROGRAM=Apple_Terminal"}, OSC9},
		{"kitty by TERM", []string{"TERM=xterm-kitty"}, OSC99},
		{"kitty by window id", []string{"TERM=xterm-256color", "KITTY_WINDOW_ID=1"}, OSC99},
		{"ghostty by TERM", []string{"TERM=xterm-ghostty"}, OSC777},
		{"ghostty by program", []string{"TERM=xterm-256color", "TERM_PROGRAM=ghostty"}, OSC777},
		{"WezTerm", []string{"TERM=xterm-256color", "TERM_PROGRAM=WezTerm"}, OSC777},
		{"foot", []string{"TERM=foot"}, OSC777},
		{"foot-extra", []string{"TERM=foot-extra"}, OSC777},
		{"urxvt", []string{"TERM=rxvt-unicode-256color"}, OSC777},
		{"GNOME Terminal (VTE)", []string{"TERM=xterm-256color", "VTE_VERSION=7600"}, OSC777},
		{"Windows Terminal, no TERM", []string{"WT_SESSION=5b1c"}, OSC777},
		{"Windows Terminal in WSL", []string{"TERM=xterm-256color", "WT_SESSION=5b1c"}, OSC777},
		{"tmux in kitty", []string{"TERM=tmux-256color", "TERM_PROGRAM=tmux", "TMUX=/tmp/tmux-1/default,1,0", "KITTY_WINDOW_ID=3"}, OSC99},
		{"tmux in VTE", []string{"TERM=screen-256color", "TERM_PROGRAM=tmux", "TMUX=/tmp/t,1,0", "VTE_VERSION=7600"}, OSC777},
		{"tmux, nothing known", []string{"TERM=screen-256color", "TERM_PROGRAM=tmux", "TMUX=/tmp/t,1,0"}, OSC9},
		{"VTE started from kitty is VTE", []string{"TERM=xterm-256color", "VTE_VERSION=7600", "TERM_PROGRAM=", "KITTY_WINDOW_ID="}, OSC777},
		{"kitty started from GNOME Terminal is kitty", []string{"TERM=xterm-kitty", "VTE_VERSION=7600"}, OSC99},
		{"WezTerm started from kitty is WezTerm", []string{"TERM=xterm-256color", "KITTY_WINDOW_ID=1", "TERM_PROGRAM=WezTerm"}, OSC777},
		{"last entry wins", []string{"TERM=xterm-kitty", "TERM=dumb"}, None},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := For(tt.env); got != tt.want {
				t.Errorf("For(%q) = %v, want %v", tt.env, got, tt.want)
			}
		})
	}
}

func TestEnabled(t *testing.T) {
	tests := []struct {
		setting string
		focused bool
		want    bool
	}{
		{"auto", false, true},
		{"auto", true, false},
		{"", false, true}, // the default is auto
		{"", true, false},
		{"on", true, true},
		{"on", false, true},
		{"off", false, false},
		{"off", true, false},
		{"yes", false, false}, // unknown: send nothing
		{"ON", false, false},
	}
	for _, tt := range tests {
		if got := Enabled(tt.setting, tt.focused); got != tt.want {
			t.Errorf("Enabled(%q, focused=%v) = %v, want %v", tt.setting, tt.focused, got, tt.want)
		}
	}
}

func TestSequence(t *testing.T) {
	tests := []struct {
		name        string
		kind        Kind
		title, body string
		want        string
	}{
		{"OSC 9", OSC9, "Heat done", "Switch the pad off.", "\x1b]9;Heat done: Switch the pad off.\x07"},
		{"OSC 9 title only", OSC9, "Routine done", "", "\x1b]9;Routine done\x07"},
		{"OSC 9 body only", OSC9, "", "Lights out", "\x1b]9;Lights out\x07"},
		{"OSC 777", OSC777, "Heat done", "Switch the pad off.", "\x1b]777;notify;Heat done;Switch the pad off.\x07"},
		{"OSC 777 title only", OSC777, "Routine done", "", "\x1b]777;notify;Routine done;\x07"},
		{"OSC 99", OSC99, "Heat done", "Switch the pad off.",
			"\x1b]99;i=supine:d=0;Heat done\x07\x1b]99;i=supine:d=1:p=body;Switch the pad off.\x07"},
		{"OSC 99 title only", OSC99, "Routine done", "", "\x1b]99;i=supine:d=1;Routine done\x07"},
		{"none sends nothing", None, "Heat done", "Switch the pad off.", ""},
		{"unknown kind sends nothing", Kind(42), "Heat done", "x", ""},
		{"nothing to say", OSC9, "", "", ""},
		{"only control characters", OSC777, "\x1b\x07", "\n\t", ""},
		{"semicolons cannot open fields", OSC777, "a;b", "c;d", "\x1b]777;notify;a,b;c,d\x07"},
		{"a ConEmu command cannot be forged", OSC9, "4;1;50", "", "\x1b]9;4,1,50\x07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sequence(tt.kind, tt.title, tt.body); got != tt.want {
				t.Errorf("Sequence(%v, %q, %q)\n got %q\nwant %q", tt.kind, tt.title, tt.body, got, tt.want)
			}
		})
	}
}

// TestSequenceNeverCarriesForeignEscapes feeds hostile titles and bodies, as
// a routine file might hold, and checks that the only control bytes in the
// result are the ones the kind's own framing puts there.
func TestSequenceNeverCarriesForeignEscapes(t *testing.T) {
	hostile := []string{
		"\x1b]0;pwned\x07",                 // retitle the window
		"\x1b]52;c;ZXZpbA==\x07",           // write the clipboard
		"ok\x1b\\\x1b]777;notify;fake;x\a", // end ours, start another
		"\x9b31m\x9d0;x\x9c",               // 8-bit C1 CSI, OSC and ST
		"\xc2\x9d8-bit OSC as UTF-8",       // U+009D
		"bad \xff\xfe bytes",
		"line one\r\nline two\x7f",
	}
	framing := map[Kind]int{OSC9: 2, OSC777: 2, OSC99: 4} // ESC ] and BEL, twice for OSC 99
	for k, want := range framing {
		for _, h := range hostile {
			seq := Sequence(k, h, h)
			if n := controls(seq); n != want {
				t.Errorf("%v with %q: %d control characters in %q, want the %d of the framing", k, h, n, seq, want)
			}
			if !utf8.ValidString(seq) {
				t.Errorf("%v with %q: invalid UTF-8 %q", k, h, seq)
			}
		}
	}
}

func controls(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			n++
		}
	}
	return n
}

func TestClean(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"Heat done", 64, "Heat done"},
		{"  two\n\nlines\t here  ", 64, "two lines here"},
		{"bell\x07and\x1bescape", 64, "bell and escape"},
		{"C1\u009dOSC", 64, "C1 OSC"},
		{"bad\xffbyte", 64, "bad byte"},
		{"real \ufffd stays", 64, "real \ufffd stays"},
		{"a;b", 64, "a,b"},
		{"abcdefghij", 10, "abcdefghij"},
		{"abcdefghijk", 10, "abcdefghi…"},
		{"word and more", 9, "word and…"},
		{"word and more", 6, "word…"}, // no space left before the ellipsis
		{"ééééé", 3, "éé…"},           // counted in characters, not bytes
		{"anything", 0, ""},
	}
	for _, tt := range tests {
		if got := Clean(tt.in, tt.limit); got != tt.want {
			t.Errorf("Clean(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestLengthIsCapped(t *testing.T) {
	long := strings.Repeat("tight ", 200)
	seq := Sequence(OSC777, long, long)
	fields := strings.Split(strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b]777;notify;"), "\x07"), ";")
	if len(fields) != 2 {
		t.Fatalf("want title and body, got %q", seq)
	}
	if n := utf8.RuneCountInString(fields[0]); n > MaxTitle {
		t.Errorf("title is %d characters, want at most %d", n, MaxTitle)
	}
	if n := utf8.RuneCountInString(fields[1]); n > MaxBody {
		t.Errorf("body is %d characters, want at most %d", n, MaxBody)
	}
	if !strings.HasSuffix(fields[1], "…") {
		t.Errorf("a cut body should end with an ellipsis: %q", fields[1])
	}
}

func TestPassthrough(t *testing.T) {
	tests := []struct {
		name, seq, want string
	}{
		{"OSC 9", "\x1b]9;Heat done\x07", "\x1bPtmux;\x1b\x1b]9;Heat done\x07\x1b\\"},
		{"OSC 777", "\x1b]777;notify;Heat done;Pad off\x07", "\x1bPtmux;\x1b\x1b]777;notify;Heat done;Pad off\x07\x1b\\"},
		{"OSC 99, every ESC doubled", "\x1b]99;i=supine:d=0;T\x1b\\\x1b]99;i=supine:d=1:p=body;B\x1b\\",
			"\x1bPtmux;\x1b\x1b]99;i=supine:d=0;T\x1b\x1b\\\x1b\x1b]99;i=supine:d=1:p=body;B\x1b\x1b\\\x1b\\"},
		{"nothing stays nothing", "", ""},
	}
	for _, tt := range tests {
		if got := Passthrough(tt.seq); got != tt.want {
			t.Errorf("%s: Passthrough\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestMessage(t *testing.T) {
	tmux := []string{"TERM=tmux-256color", "TERM_PROGRAM=tmux", "TMUX=/tmp/tmux-1000/default,42,0"}
	tests := []struct {
		name string
		env  []string
		want string
	}{
		{"iTerm2", []string{"TERM_PROGRAM=iTerm.app", "TERM=xterm-256color"}, "\x1b]9;Heat done: Pad off\x07"},
		{"foot", []string{"TERM=foot"}, "\x1b]777;notify;Heat done;Pad off\x07"},
		{"kitty", []string{"TERM=xterm-kitty"}, "\x1b]99;i=supine:d=0;Heat done\x07\x1b]99;i=supine:d=1:p=body;Pad off\x07"},
		{"tmux, unknown outside", tmux, "\x1bPtmux;\x1b\x1b]9;Heat done: Pad off\x07\x1b\\"},
		{"tmux in foot", append(tmux, "VTE_VERSION=7800"), "\x1bPtmux;\x1b\x1b]777;notify;Heat done;Pad off\x07\x1b\\"},
		{"dumb terminal", []string{"TERM=dumb"}, ""},
		{"dumb inside tmux is still nothing", []string{"TERM=dumb", "TMUX=/tmp/t,1,0"}, ""},
	}
	for _, tt := range tests {
		if got := Message(tt.env, "Heat done", "Pad off"); got != tt.want {
			t.Errorf("%s: Message\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestOffMeansNoSequence is the contract the root follows: it prints
// Message only when Enabled says so, so "off" prints nothing in any terminal
// and whatever the focus.
func TestOffMeansNoSequence(t *testing.T) {
	envs := [][]string{{"TERM=xterm-kitty"}, {"TERM=foot"}, {"TERM_PROGRAM=iTerm.app"}, {"TMUX=/t,1,0", "TERM=tmux"}}
	for _, env := range envs {
		for _, focused := range []bool{false, true} {
			out := ""
			if Enabled("off", focused) {
				out = Message(env, "Heat done", "Pad off")
			}
			if out != "" {
				t.Errorf("off, focused=%v, env %q: printed %q", focused, env, out)
			}
		}
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{None: "none", OSC9: "OSC 9", OSC777: "OSC 777", OSC99: "OSC 99", Kind(9): "none"}
	for k, w := range want {
		if k.String() != w {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), k.String(), w)
		}
	}
}
