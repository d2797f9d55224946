package plain

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/routines"
)

// evs writes events compactly: k:x for a key, l:text for a line.
func evs(es []event) []string {
	var out []string
	for _, e := range es {
		switch e.kind {
		case evKey:
			out = append(out, fmt.Sprintf("k:%q", e.key))
		case evLine:
			out = append(out, "l:"+e.line)
		case evEOF:
			out = append(out, "eof")
		case evInterrupt:
			out = append(out, "int")
		}
	}
	return out
}

func TestTokenizer(t *testing.T) {
	tests := []struct {
		name   string
		keys   bool
		chunks []string
		want   []string
	}{
		{"lines", false, []string{"n\nq\ny\n"}, []string{"l:n", "l:q", "l:y", "eof"}},
		{"a bare newline is an empty line (enter)", false, []string{"\n\n"}, []string{"l:", "l:", "eof"}},
		{"CRLF is one line end", false, []string{"1 3\r\n\r\n"}, []string{"l:1 3", "l:", "eof"}},
		{"a line split across reads", false, []string{"1", "0", "\n"}, []string{"l:10", "eof"}},
		{"CR and LF split across reads", false, []string{"y\r", "\nn\n"}, []string{"l:y", "l:n", "eof"}},
		{"a last line without newline counts", false, []string{"q"}, []string{"l:q", "eof"}},
		{"keys", true, []string{"n", " ", "b"}, []string{"k:'n'", "k:' '", "k:'b'", "eof"}},
		{"keys: CR, LF and CRLF are one enter each", true, []string{"\r", "\n", "\n", "\r\n"}, []string{"k:'\\n'", "k:'\\n'", "k:'\\n'", "eof"}},
		{"keys: arrows are next and back", true, []string{"\x1b[C\x1b[D\x1bOC"}, []string{"k:'n'", "k:'b'", "k:'n'", "eof"}},
		{"keys: other sequences are dropped whole", true, []string{"\x1b[1;5A", "\x1b[200~", "x"}, []string{"k:'x'", "eof"}},
		{"keys: a sequence split across reads", true, []string{"\x1b", "[", "C"}, []string{"k:'n'", "eof"}},
		{"keys: alt+q is q", true, []string{"\x1bq"}, []string{"k:'q'", "eof"}},
		{"keys: ctrl+c interrupts", true, []string{"\x03"}, []string{"int", "eof"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := tokenizer{keys: tt.keys}
			var got []event
			for _, c := range tt.chunks {
				got = append(got, tok.feed([]byte(c))...)
			}
			got = append(got, tok.flush()...)
			if g := evs(got); !slices.Equal(g, tt.want) {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

func TestLongLineIsBounded(t *testing.T) {
	tok := tokenizer{}
	got := tok.feed([]byte(strings.Repeat("x", 10*maxLine) + "\n"))
	if len(got) != 1 || len(got[0].line) != maxLine {
		t.Errorf("a long line gave %d events, first of length %d", len(got), len(got[0].line))
	}
}

func TestCommandOf(t *testing.T) {
	tests := []struct {
		ev   event
		want command
	}{
		{event{kind: evKey, key: ' '}, cmdPause},
		{event{kind: evKey, key: 'n'}, cmdNext},
		{event{kind: evKey, key: 'B'}, cmdBack},
		{event{kind: evKey, key: 'x'}, cmdPain},
		{event{kind: evKey, key: 'q'}, cmdQuit},
		{event{kind: evKey, key: '\n'}, cmdEnter},
		{event{kind: evKey, key: '+'}, cmdMore},
		{event{kind: evKey, key: '-'}, cmdLess},
		{event{kind: evKey, key: '?'}, cmdHelp},
		{event{kind: evKey, key: 'z'}, cmdUnknown},
		{event{kind: evLine, line: ""}, cmdEnter},
		{event{kind: evLine, line: " "}, cmdPause},
		{event{kind: evLine, line: "pause"}, cmdPause},
		{event{kind: evLine, line: " N "}, cmdNext},
		{event{kind: evLine, line: "back"}, cmdBack},
		{event{kind: evLine, line: "stop"}, cmdPain},
		{event{kind: evLine, line: "Quit"}, cmdQuit},
		{event{kind: evLine, line: "nonsense"}, cmdUnknown},
		{event{kind: evEOF}, cmdEnd},
	}
	for _, tt := range tests {
		if got := commandOf(tt.ev); got != tt.want {
			t.Errorf("commandOf(%q) = %v, want %v", evs([]event{tt.ev}), got, tt.want)
		}
	}
}

func TestYesOrNo(t *testing.T) {
	tests := []struct {
		ev      event
		yes, ok bool
	}{
		{event{kind: evKey, key: 'y'}, true, true},
		{event{kind: evKey, key: 'Y'}, true, true},
		{event{kind: evKey, key: 'n'}, false, true},
		{event{kind: evKey, key: 'N'}, false, true},
		{event{kind: evKey, key: '\n'}, false, false},
		{event{kind: evLine, line: " Yes "}, true, true},
		{event{kind: evLine, line: "no"}, false, true},
		{event{kind: evLine, line: "yep"}, false, false},
		{event{kind: evLine, line: ""}, false, false},
		{event{kind: evEOF}, false, false},
	}
	for _, tt := range tests {
		if yes, ok := yesOrNo(tt.ev); yes != tt.yes || ok != tt.ok {
			t.Errorf("yesOrNo(%q) = %v, %v, want %v, %v", evs([]event{tt.ev}), yes, ok, tt.yes, tt.ok)
		}
	}
}

func TestInputWaiter(t *testing.T) {
	ctx := context.Background()
	r, w := io.Pipe()
	iw := newInputWaiter(ctx, r, false)

	go func() { _, _ = io.WriteString(w, "n\n") }()
	if ev, ok, err := iw.next(ctx, -1); err != nil || !ok || ev.kind != evLine || ev.line != "n" {
		t.Fatalf("first event = %+v %v %v, want the line n", ev, ok, err)
	}
	if _, ok, err := iw.next(ctx, time.Millisecond); ok || err != nil {
		t.Fatalf("with no input, a wait must time out: ok %v err %v", ok, err)
	}
	_ = w.Close()
	if ev, ok, _ := iw.next(ctx, time.Hour); !ok || ev.kind != evEOF {
		t.Fatalf("after the writer closed: %+v %v, want eof", ev, ok)
	}
	// After the end: waits for input alone return the end at once, timed
	// waits run out.
	for range 3 {
		if ev, ok, _ := iw.next(ctx, -1); !ok || ev.kind != evEOF {
			t.Fatalf("a wait after the end = %+v %v, want eof", ev, ok)
		}
	}
	if _, ok, _ := iw.next(ctx, time.Millisecond); ok {
		t.Fatal("a timed wait after the end must time out")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := iw.next(cctx, time.Hour); err == nil {
		t.Fatal("a cancelled wait must report the context's error")
	}
}

func TestRealTimeRun(t *testing.T) {
	// The real path: the system clock, real timers and piped input, on a
	// routine of milliseconds. Only the outcome is checked, never timing.
	r := routines.Routine{Name: "tiny", Title: "Tiny", Steps: []routines.Step{
		{Kind: routines.KindHold, Title: "Hold", Hold: 20 * time.Millisecond, Reps: 2, PerSide: true, Switch: 5 * time.Millisecond},
		{Kind: routines.KindPaced, Title: "Tilts", Reps: 2, Phases: []routines.PacedPhase{
			{Name: "tilt", Duration: 5 * time.Millisecond}, {Name: "relax", Duration: 5 * time.Millisecond}}},
		{Kind: routines.KindSettle, Title: "Settle in"},
	}}
	// The answers come at once; enter comes when the settle step asks for
	// it, and then the input ends.
	out := &watchWriter{want: "Press enter when you are settled.", seen: make(chan struct{})}
	in := io.MultiReader(strings.NewReader(noneApply+"3\nn\n"), &waitReader{wait: out.seen, text: "\n"})
	st := evtest.Answered(time.Now().AddDate(0, 0, -21))
	o := withCheckIns(Options{Evening: config(r), Keeper: evening.NewKeeper(st, rollover), In: in, Out: out})
	res, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	assertClean(t, out.String())
	assertRecord(t, res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Hold", "Tilts", "Settle in"}, Before: ptr(3), Woke: no()})
	if ss := st.Sessions(); len(ss) != 1 || ss[0].Partial || len(ss[0].Completed) != 3 {
		t.Errorf("kept %+v", ss)
	}
	for _, l := range []string{"Step 1 of 3. Hold, left side, 1 of 2. Hold 1 second.", "Tilt, rep 2 of 2.", "Step 3 of 3. Settle in."} {
		if !has(out.String(), l) {
			t.Errorf("no line %q in:\n%s", l, out.String())
		}
	}
}

// watchWriter keeps what is written and closes seen once want appears.
type watchWriter struct {
	mu   sync.Mutex
	b    strings.Builder
	want string
	seen chan struct{}
	done bool
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if !w.done && strings.Contains(w.b.String(), w.want) {
		w.done = true
		close(w.seen)
	}
	return len(p), nil
}

func (w *watchWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// waitReader gives text once wait is closed, then ends.
type waitReader struct {
	wait <-chan struct{}
	text string
}

func (r *waitReader) Read(p []byte) (int, error) {
	<-r.wait
	if r.text == "" {
		return 0, io.EOF
	}
	n := copy(p, r.text)
	r.text = r.text[n:]
	return n, nil
}

func TestNeeded(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tests := []struct {
		name string
		out  *os.File
		term string
		want bool
	}{
		{"a terminal", tty, "xterm-256color", false},
		{"a terminal with TERM unset", tty, "", false},
		{"a dumb terminal", tty, "dumb", true},
		{"a file", f, "xterm-256color", true},
	}
	for _, tt := range tests {
		if got := Needed(tt.out, tt.term); got != tt.want {
			t.Errorf("%s: Needed = %v, want %v", tt.name, got, tt.want)
		}
	}
	if !IsTerminal(tty) || IsTerminal(f) {
		t.Error("IsTerminal is wrong")
	}
}
