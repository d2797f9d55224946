package remind

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

const bin = "/home/ann/go/bin/supine"

var xdgEnv = []string{"XDG_CONFIG_HOME=/home/ann/.config", "XDG_DATA_HOME=/home/ann/data 100%"}

func TestSystemdServiceGolden(t *testing.T) {
	s, err := SystemdService(bin, Clock{22, 30}, xdgEnv)
	if err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, []byte(s))
}

func TestSystemdTimerGolden(t *testing.T) {
	golden.RequireEqual(t, []byte(SystemdTimer(Clock{22, 30})))
}

func TestLaunchAgentGolden(t *testing.T) {
	golden.RequireEqual(t, []byte(LaunchAgent(bin, Clock{22, 30}, xdgEnv)))
}

func TestSchtasksCommandLines(t *testing.T) {
	got := SchtasksCreate(`C:\Users\Ann Lee\go\bin\supine.exe`, Clock{7, 5})
	want := []string{"schtasks", "/Create", "/TN", "supine-reminder", "/TR", `"C:\Users\Ann Lee\go\bin\supine.exe" nudge --at 07:05`,
		"/SC", "DAILY", "/ST", "07:05", "/F"}
	if !slices.Equal(got, want) {
		t.Errorf("create:\n got %q\nwant %q", got, want)
	}
	if got := SchtasksDelete(); !slices.Equal(got, []string{"schtasks", "/Delete", "/TN", "supine-reminder", "/F"}) {
		t.Errorf("delete: %q", got)
	}
}

// TestHostilePathsStayOneWord: a binary path with spaces, quotes, % and $
// stays one word of ExecStart, with no specifier or variable expanded, and
// one <string> of the property list; a line break is refused.
func TestHostilePathsStayOneWord(t *testing.T) {
	path := `/home/a "b"/100% $HOME\x/supine`
	s, err := SystemdService(path, Clock{22, 30}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `ExecStart="/home/a \"b\"/100%% $$HOME\\x/supine" nudge --at 22:30`
	if !strings.Contains(s, want+"\n") {
		t.Errorf("service:\n%s\nwant the line %s", s, want)
	}
	if _, err := SystemdService("/a\nExecStart=/bin/evil", Clock{22, 30}, nil); err == nil {
		t.Errorf("a path with a line break was written into a unit")
	}
	var plist struct {
		Strings []string `xml:"dict>array>string"`
	}
	p := LaunchAgent(`/Users/a <b> & "c"/supine`, Clock{22, 30}, nil)
	if err := xml.Unmarshal([]byte(p), &plist); err != nil {
		t.Fatalf("the property list does not parse: %v", err)
	}
	if !slices.Equal(plist.Strings, []string{`/Users/a <b> & "c"/supine`, "nudge", "--at", "22:30"}) {
		t.Errorf("program arguments read back as %q", plist.Strings)
	}
}

func TestTheTimeReadsBack(t *testing.T) {
	for _, c := range []Clock{{0, 0}, {7, 5}, {22, 30}, {23, 59}} {
		if got, ok := TimerClock(SystemdTimer(c)); !ok || got != c {
			t.Errorf("timer at %v reads back as %v %v", c, got, ok)
		}
		if got, ok := AgentClock(LaunchAgent(bin, c, nil)); !ok || got != c {
			t.Errorf("agent at %v reads back as %v %v", c, got, ok)
		}
	}
}

// TestNoCatchUp: the timer never makes up a missed run.
func TestNoCatchUp(t *testing.T) {
	timer := SystemdTimer(Clock{22, 30})
	if strings.Contains(timer, "Persistent=true") || !strings.Contains(timer, "Persistent=false") {
		t.Errorf("the timer may catch up:\n%s", timer)
	}
}
