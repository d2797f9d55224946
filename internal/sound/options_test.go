package sound

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// hostileLines are lines a routine file could send to the voice, each an
// option of one speech program or another: read a file aloud (espeak-ng -f,
// say -f), write one (espeak-ng -w and --phonout=, say -o), a printf format
// (spd-say hands its text to spd_sayf), or one of say's embedded commands.
var hostileLines = []string{
	"-f/home/me/.ssh/id_ed25519", "-w/tmp/out.wav", "--phonout=/tmp/out.txt", "-o", "--stdin",
	" -f/etc/passwd", "--", "-", "100% sure: %n%s%s%s", "[[volm 1.0]] [[rate 500]] loud",
}

// No line, whatever it holds, reaches a speech program as an option: after
// "--" for the getopt_long programs, on standard input for macOS say, and
// without its leading dashes for a program supine does not know.
func TestALineIsNeverAnOption(t *testing.T) {
	for _, tc := range []struct {
		argv []string
		goos string
		want handing
	}{
		{[]string{"espeak-ng", "-s", "140"}, "linux", afterDashes},
		{[]string{"/usr/local/bin/espeak", "-v", "en"}, "freebsd", afterDashes},
		{[]string{"spd-say", "-w"}, "linux", afterDashesAsFormat},
		{[]string{"say", "-r", "150"}, "darwin", onStdin},
		{[]string{"say"}, "linux", asLastArgument}, // not Apple's
		{[]string{"myvoice", "--soft"}, "linux", asLastArgument},
	} {
		h := handingFor(tc.argv[0], tc.goos)
		if h != tc.want {
			t.Errorf("%s on %s is handed its line as %d, want %d", tc.argv[0], tc.goos, h, tc.want)
		}
		for _, line := range hostileLines {
			args, stdin := command(tc.argv, h, line)
			if !slices.Equal(args[:len(tc.argv)], tc.argv) {
				t.Fatalf("%s: the settings changed: %q", tc.argv[0], args)
			}
			rest := args[len(tc.argv):]
			switch h {
			case afterDashes, afterDashesAsFormat:
				if len(rest) != 2 || rest[0] != "--" || strings.HasPrefix(rest[1], "-") {
					t.Errorf("%s %q: ran with %q after its settings, want -- and the line", tc.argv[0], line, rest)
				}
				if h == afterDashesAsFormat && strings.Count(rest[1], "%")%2 != 0 || h == afterDashesAsFormat && strings.Contains(strings.ReplaceAll(rest[1], "%%", ""), "%") {
					t.Errorf("spd-say %q: %q holds a printf verb", line, rest[1])
				}
			case onStdin:
				if !slices.Equal(rest, []string{"-f", "-"}) || strings.Contains(stdin, "[[") {
					t.Errorf("say %q: ran with %q and stdin %q, want -f - and the line on stdin, its commands broken", line, rest, stdin)
				}
			default:
				if len(rest) != 1 || strings.HasPrefix(rest[0], "-") {
					t.Errorf("%s %q: ran with %q, want the line without leading dashes", tc.argv[0], line, rest)
				}
			}
		}
	}
}

// The real espeak-ng, run as the voice runs it (with -q -x put first, so it
// prints phonemes instead of speaking): a line that is one of its options
// is read as text. Before "--", "-f FILE" made it read FILE aloud and
// --phonout= wrote a file. CI installs espeak-ng; elsewhere it skips.
func TestEspeakTakesNoOptionFromALine(t *testing.T) {
	path, err := exec.LookPath("espeak-ng")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("espeak-ng is not installed in CI; install the Debian package espeak-ng")
		}
		t.Skip("espeak-ng is not installed")
	}
	dir := t.TempDir()
	secret := filepath.Join(dir, "s")
	os.WriteFile(secret, []byte("xylophone xylophone"), 0o600)
	xylophone, _ := exec.Command(path, "-q", "-x", "xylophone").Output()
	leak := filepath.Join(dir, "phonemes")
	var soft []string
	for _, s := range speakers {
		if s.name == "espeak-ng" {
			soft = s.args
		}
	}
	for _, line := range []string{"-f" + secret, "--phonout=" + leak, "-f", "--stdin"} {
		args, stdin := command(append([]string{path, "-q", "-x"}, soft...), handingFor(path, "linux"), line)
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Stdin = strings.NewReader(stdin + "xylophone\n") // what --stdin would read
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v: %s", args, err, out)
		}
		if w := strings.TrimSpace(string(xylophone)); w != "" && strings.Contains(string(out), w) {
			t.Errorf("%q read the file or stdin aloud: %s", line, out)
		}
		if _, err := os.Stat(leak); err == nil {
			t.Fatalf("%q wrote %s", line, leak)
		}
	}
}
