package routines

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// header starts a valid routine file: lines 1-5, so a second [[steps]]
// block written after it starts on line 6.
const header = `title = "Knees"
[[steps]]
kind = "rest"
title = "Lie still"
time = "30s"
`

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []string
	}{
		{
			name: "the issue's example: a duration without a unit",
			file: header + strings.Repeat("\n", 5) + `[[steps]]
kind = "hold"
title = "Knee to chest"
 hold = "20"
`,
			want: []string{`knees.toml:14:9: steps[2].hold: "20" is a string, want a duration like "20s"`},
		},
		{
			name: "heat after a stretch",
			file: header + "[[steps]]\nkind = \"heat\"\ntitle = \"Heat\"\n",
			want: []string{`knees.toml:7:8: steps[2].kind: heat must be the first step, before any stretch; move this step to the top`},
		},
		{
			name: "three heat steps",
			file: "title = \"Hot\"\n" + strings.Repeat("[[steps]]\nkind = \"heat\"\ntitle = \"Heat\"\n", 3),
			want: []string{
				`knees.toml:6:8: steps[2].kind: a second heat step; heat runs once a night (steps[1] is the first), so remove this one`,
				`knees.toml:9:8: steps[3].kind: a second heat step; heat runs once a night (steps[1] is the first), so remove this one`,
			},
		},
		{
			// A paced phase named -f<path> made espeak-ng read that file aloud.
			name: "titles and phase names that a speech program could take for options",
			file: "title = \"--phonout=/tmp/x\"\n[[steps]]\nkind = \"paced\"\ntitle = \" -w/tmp/x.wav\"\nreps = 2\nphases = [{ name = \"-f/home/me/.ssh/id_ed25519\", time = \"5s\" }, { name = \"relax\", time = \"5s\" }]\n",
			want: []string{
				`knees.toml:1:9: title: "--phonout=/tmp/x" starts with -, which a speech program could take for one of its options; start it with a word`,
				`knees.toml:4:9: steps[1].title: " -w/tmp/x.wav" starts with -, which a speech program could take for one of its options; start it with a word`,
				`knees.toml:6:20: steps[1].phases[1].name: "-f/home/me/.ssh/id_ed25519" starts with -, which a speech program could take for one of its options; start it with a word`,
			},
		},
		{
			name: "TOML syntax error",
			file: "title = \"Knees\n[[steps]]\n",
			want: []string{`knees.toml:1:15: this is not valid TOML (basic strings cannot have new lines); check the quotes, brackets and = signs on this line`},
		},
		{
			name: "duplicate key",
			file: header + "title = \"Again\"\n",
			want: []string{`knees.toml:6:1: this is not valid TOML (key title is already defined); check the quotes, brackets and = signs on this line`},
		},
		{
			name: "unknown key close to a known one",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhodl = \"20s\"\nhold = \"20s\"\n",
			want: []string{`knees.toml:9:1: steps[2].hodl: unknown key; did you mean "hold"?`},
		},
		{
			name: "unknown key far from every known one",
			file: header + "colour = \"blue\"\n",
			want: []string{`knees.toml:6:1: steps[1].colour: unknown key; a rest step takes kind, title, cues, why, stop_if, skip_with_osteoporosis, move, time`},
		},
		{
			name: "unknown top-level key",
			file: "name = \"knees\"\n" + header,
			want: []string{`knees.toml:1:1: name: unknown key; a routine file takes title, description, steps`},
		},
		{
			name: "a key of another kind of step",
			file: header + "minutes = 15\n",
			want: []string{`knees.toml:6:1: steps[1].minutes: minutes is only for heat steps; remove it or change the kind`},
		},
		{
			name: "wrong types",
			file: `title = 5
[[steps]]
kind = "hold"
title = ["Knee"]
hold = 20
reps = "3"
per_side = "yes"
switch = "5s"
cues = "Breathe."
why = 1979-05-27
[[steps]]
kind = "paced"
title = "Tilts"
reps = 2.5
phases = "tilt"
`,
			want: []string{
				`knees.toml:1:9: title: 5 is a number, want text in quotes`,
				`knees.toml:4:9: steps[1].title: this is a list, want text in quotes`,
				`knees.toml:5:8: steps[1].hold: 20 is a number, want a duration like "20s"`,
				`knees.toml:6:8: steps[1].reps: "3" is a string, want a whole number like 3`,
				`knees.toml:7:12: steps[1].per_side: "yes" is a string, want true or false`,
				`knees.toml:9:8: steps[1].cues: "Breathe." is a string, want a list of lines like ["First line.", "Second line."]`,
				`knees.toml:10:7: steps[1].why: 1979-05-27 is a date, want text in quotes`,
				`knees.toml:14:8: steps[2].reps: 2.5 is not a whole number; want a whole number like 3`,
				`knees.toml:15:10: steps[2].phases: "tilt" is a string, want a list like phases = [{ name = "tilt", time = "5s" }, { name = "relax", time = "5s" }]`,
			},
		},
		{
			name: "wrong type in a list, columns counted in characters",
			file: header + "cues = [\"Été.\", 5, \"\"]\n",
			want: []string{
				`knees.toml:6:17: steps[1].cues[2]: 5 is a number, want a line of text in quotes`,
				`knees.toml:6:20: steps[1].cues[3]: the line is empty; write something or remove it`,
			},
		},
		{
			name: "missing titles",
			file: "description = \"No title.\"\n[[steps]]\nkind = \"rest\"\ntime = \"5s\"\n",
			want: []string{
				`knees.toml:1:1: missing a title; add a line like title = "Evening" at the top of the file`,
				`knees.toml:2:3: steps[1]: missing a title; add a line like title = "Knee rolls"`,
			},
		},
		{
			name: "empty title",
			file: "title = \"  \"\n[[steps]]\nkind = \"settle\"\ntitle = \"Settle\"\n",
			want: []string{`knees.toml:1:9: title: the text is empty; write something or remove the line`},
		},
		{
			name: "title over two lines",
			file: "title = \"\"\"Knees\nand more\"\"\"\n[[steps]]\nkind = \"settle\"\ntitle = \"Settle\"\n",
			want: []string{`knees.toml:1:9: title: the text runs over more than one line; keep it to one line`},
		},
		{
			name: "control character in a title",
			file: "title = \"Knees\\u001b[2J\"\n[[steps]]\nkind = \"settle\"\ntitle = \"Settle\"\n",
			want: []string{`knees.toml:1:9: title: the text contains the control character U+001B; remove it`},
		},
		{
			name: "zero and negative durations",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"0s\"\nreps = 2\nrest = \"-5s\"\n",
			want: []string{
				`knees.toml:9:8: steps[2].hold: "0s" is not a positive time; use at least "1s"`,
				`knees.toml:11:8: steps[2].rest: "-5s" is not a positive time; use at least "1s"`,
			},
		},
		{
			name: "shorter than a second",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"500ms\"\n",
			want: []string{`knees.toml:9:8: steps[2].hold: "500ms" is shorter than a second; use at least "1s"`},
		},
		{
			name: "hold past its bound",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"10m\"\n",
			want: []string{`knees.toml:9:8: steps[2].hold: "10m" is longer than "5m", the most a hold can last; use "5m" or less`},
		},
		{
			name: "switch and rest past their bounds",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"10s\"\nper_side = true\nswitch = \"2m\"\n" +
				"[[steps]]\nkind = \"rest\"\ntitle = \"R\"\ntime = \"1h\"\n",
			want: []string{
				`knees.toml:11:10: steps[2].switch: "2m" is longer than "1m", the most a switch between sides can last; use "1m" or less`,
				`knees.toml:15:8: steps[3].time: "1h" is longer than "30m", the most a rest step can last; use "30m" or less`,
			},
		},
		{
			name: "heat over 20 minutes is a burn risk",
			file: "title = \"Heat\"\n[[steps]]\nkind = \"heat\"\ntitle = \"Heat\"\nminutes = 25\n",
			want: []string{`knees.toml:5:11: steps[1].minutes: 25 minutes is over the 20-minute limit, because longer heat risks burns; use 15 to 20`},
		},
		{
			name: "heat under 15 minutes",
			file: "title = \"Heat\"\n[[steps]]\nkind = \"heat\"\ntitle = \"Heat\"\nminutes = 10\n",
			want: []string{`knees.toml:5:11: steps[1].minutes: 10 minutes is under 15; a heat step runs 15 to 20 minutes`},
		},
		{
			name: "no steps",
			file: "title = \"Knees\"\n",
			want: []string{`knees.toml:1:1: the routine has no steps; add at least one [[steps]] block with a kind and a title`},
		},
		{
			name: "an empty list of steps",
			file: "title = \"Knees\"\nsteps = []\n",
			want: []string{`knees.toml:2:9: steps: the list of steps is empty; add at least one [[steps]] block`},
		},
		{
			name: "an empty file",
			file: "",
			want: []string{
				`knees.toml:1:1: missing a title; add a line like title = "Evening" at the top of the file`,
				`knees.toml:1:1: the routine has no steps; add at least one [[steps]] block with a kind and a title`,
			},
		},
		{
			name: "unknown step kind",
			file: header + "[[steps]]\nkind = \"strech\"\ntitle = \"S\"\n",
			want: []string{`knees.toml:7:8: steps[2].kind: "strech" is not a step kind; use heat, hold, paced, rest or settle`},
		},
		{
			name: "unknown step kind close to a known one",
			file: header + "[[steps]]\nkind = \"hodl\"\ntitle = \"S\"\n",
			want: []string{`knees.toml:7:8: steps[2].kind: "hodl" is not a step kind; did you mean "hold"? use heat, hold, paced, rest or settle`},
		},
		{
			name: "missing kind",
			file: header + "[[steps]]\ntitle = \"S\"\n",
			want: []string{`knees.toml:6:3: steps[2]: missing a kind; add a line like kind = "hold" (the kinds are heat, hold, paced, rest or settle)`},
		},
		{
			name: "not UTF-8",
			file: "title = \"Kn\xe9es\"\n",
			want: []string{`knees.toml:1:12: the file is not UTF-8 text (byte 0xe9 here); save it as UTF-8`},
		},
		{
			name: "a huge file",
			file: "# " + strings.Repeat("x", MaxFileSize),
			want: []string{`knees.toml: the file is 1.0 MiB, far bigger than a routine file (at most 1 MiB); check that it is the right file`},
		},
		{
			name: "zero, negative and absurd reps",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"5s\"\nreps = 0\n" +
				"[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"5s\"\nreps = -2\n" +
				"[[steps]]\nkind = \"paced\"\ntitle = \"P\"\nreps = 500\nphases = [{ name = \"tilt\", time = \"5s\" }]\n",
			want: []string{
				`knees.toml:10:8: steps[2].reps: 0 is not a number of reps; use 1 to 50`,
				`knees.toml:15:8: steps[3].reps: -2 is not a number of reps; use 1 to 50`,
				`knees.toml:19:8: steps[4].reps: 500 reps is too many; use 1 to 50`,
			},
		},
		{
			name: "switch on a hold that is not per side",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"5s\"\nswitch = \"5s\"\n",
			want: []string{`knees.toml:10:1: steps[2].switch: switch is the pause between sides, and this hold is not per side; add per_side = true or remove switch`},
		},
		{
			name: "rest on a per-side hold",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"5s\"\nper_side = true\nrest = \"5s\"\n",
			want: []string{`knees.toml:11:1: steps[2].rest: a per-side hold pauses between sides with switch, not rest; use switch instead`},
		},
		{
			name: "missing the keys a kind needs",
			file: header + "[[steps]]\nkind = \"hold\"\ntitle = \"K\"\n[[steps]]\nkind = \"paced\"\ntitle = \"P\"\n[[steps]]\nkind = \"rest\"\ntitle = \"R\"\n",
			want: []string{
				`knees.toml:6:3: steps[2]: missing a hold time; add a line like hold = "20s"`,
				`knees.toml:9:3: steps[3]: missing its phases; add a line like phases = [{ name = "tilt", time = "5s" }, { name = "relax", time = "5s" }]`,
				`knees.toml:12:3: steps[4]: missing a time; add a line like time = "30s"`,
			},
		},
		{
			name: "broken phases",
			file: header + "[[steps]]\nkind = \"paced\"\ntitle = \"P\"\nphases = [{ nme = \"tilt\" }, 5, { name = \"relax\", time = \"2m\" }]\n",
			want: []string{
				`knees.toml:9:11: steps[2].phases[1]: missing a name; add name = "tilt"`,
				`knees.toml:9:11: steps[2].phases[1]: missing a time; add time = "5s"`,
				`knees.toml:9:13: steps[2].phases[1].nme: unknown key; did you mean "name"?`,
				`knees.toml:9:29: steps[2].phases[2]: 5 is a number, want a phase like { name = "tilt", time = "5s" }`,
				`knees.toml:9:57: steps[2].phases[3].time: "2m" is longer than "1m", the most a phase can last; use "1m" or less`,
			},
		},
		{
			name: "steps that are not tables",
			file: "title = \"Knees\"\nsteps = [\"stretch\"]\n",
			want: []string{`knees.toml:2:10: steps[1]: "stretch" is a string, want a step: a table of keys such as kind and title`},
		},
		{
			name: "columns count characters, not bytes",
			file: "title = \"Étirements\"\n[[steps]]\nkind = \"hold\"\ntitle = \"Génou\" ; hold = 5\n",
			want: []string{`knees.toml:4:17: this is not valid TOML (expected newline but got U+003B ';'); check the quotes, brackets and = signs on this line`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := Parse("/home/a/.config/supine/routines/knees.toml", []byte(tt.file))
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseReadsEveryKey(t *testing.T) {
	file := `# a comment
title = "Knees"
description = "Mine."

[[steps]]
kind = "heat"
title = "Heat"
minutes = 18
cues = ["Pad on.", "Low."]
why = "Warmth."
stop_if = ["it burns"]

[[steps]]
kind = "hold"
title = "Hold"
hold = "1m30s"
reps = 2
rest = "10s"
skip_with_osteoporosis = true

[[steps]]
kind = "paced"
title = "Tilts"
reps = 4
rest = "3s"
phases = [{ name = "tilt", time = "5s", cue = "Flatten." }, { name = "relax", time = "4s" }]

[[steps]]
kind = "rest"
title = "Rest"
time = "2m"

[[steps]]
kind = "settle"
title = "Settle in"
`
	r, problems := Parse("dir/knees.toml", []byte("\uFEFF"+file))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if r.Name != "knees" || r.Source != "dir/knees.toml" || r.Title != "Knees" || r.Description != "Mine." {
		t.Errorf("routine header = %q %q %q %q", r.Name, r.Source, r.Title, r.Description)
	}
	want := []Step{
		{Kind: KindHeat, Title: "Heat", Minutes: 18, Cues: []string{"Pad on.", "Low."}, Why: "Warmth.", StopIf: []string{"it burns"}},
		{Kind: KindHold, Title: "Hold", Hold: 90 * time.Second, Reps: 2, Rest: 10 * time.Second, SkipWithOsteoporosis: true},
		{Kind: KindPaced, Title: "Tilts", Reps: 4, Rest: 3 * time.Second, Phases: []PacedPhase{
			{Name: "tilt", Duration: 5 * time.Second, Cue: "Flatten."}, {Name: "relax", Duration: 4 * time.Second}}},
		{Kind: KindRest, Title: "Rest", Duration: 2 * time.Minute},
		{Kind: KindSettle, Title: "Settle in"},
	}
	if len(r.Steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(r.Steps), len(want))
	}
	for i := range want {
		if !stepsEqual(r.Steps[i], want[i]) {
			t.Errorf("step %d = %+v\nwant %+v", i, r.Steps[i], want[i])
		}
	}
}

func TestParseDefaults(t *testing.T) {
	r, problems := Parse("d.toml", []byte("title = \"D\"\n[[steps]]\nkind = \"heat\"\ntitle = \"H\"\n[[steps]]\nkind = \"hold\"\ntitle = \"K\"\nhold = \"5s\"\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if r.Steps[0].Minutes != DefaultHeatMinutes || r.Steps[1].Reps != 1 {
		t.Errorf("defaults: minutes %d, reps %d; want %d and 1", r.Steps[0].Minutes, r.Steps[1].Reps, DefaultHeatMinutes)
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "k.toml", Line: 3, Col: 2, Key: "steps[1].hold", Msg: "m"}, "k.toml:3:2: steps[1].hold: m"},
		{Problem{File: "k.toml", Line: 3, Col: 2, Msg: "m"}, "k.toml:3:2: m"},
		{Problem{File: "k.toml", Msg: "m"}, "k.toml: m"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	fe := FileError{Path: "/x/k.toml", Problems: []Problem{tt0(), tt0()}}
	if got := fe.Error(); got != "k.toml:1:1: m (and 1 more)" {
		t.Errorf("FileError = %q", got)
	}
}

func tt0() Problem { return Problem{File: "k.toml", Line: 1, Col: 1, Msg: "m"} }

func TestValidate(t *testing.T) {
	if ps := Validate("k.toml", []byte(header)); len(ps) != 0 {
		t.Errorf("valid file: %v", ps)
	}
	if ps := Validate("k.toml", bytes.Repeat([]byte{0xff}, 3)); len(ps) != 1 {
		t.Errorf("invalid file: %v", ps)
	}
}

func stepsEqual(a, b Step) bool {
	return a.Kind == b.Kind && a.Title == b.Title && strings.Join(a.Cues, "|") == strings.Join(b.Cues, "|") &&
		a.Why == b.Why && strings.Join(a.StopIf, "|") == strings.Join(b.StopIf, "|") &&
		a.SkipWithOsteoporosis == b.SkipWithOsteoporosis && a.Minutes == b.Minutes && a.Hold == b.Hold &&
		a.Reps == b.Reps && a.PerSide == b.PerSide && a.Switch == b.Switch && a.Rest == b.Rest &&
		a.Duration == b.Duration && phasesEqual(a.Phases, b.Phases)
}

func phasesEqual(a, b []PacedPhase) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
