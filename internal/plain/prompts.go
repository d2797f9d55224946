package plain

import (
	"strconv"
	"strings"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/say"
)

// check runs the red-flag check one group at a time, as the full-screen
// check does page by page: each group's neutral heading, its questions
// numbered within the group with their hints, and "enter if none of these
// apply" for the questions just read, never for questions not yet seen
// (CONTENT.md section 4). What was marked is read back to confirm or to
// start again; the answer goes to the evening, which decides the outcome.
func (s *session) check() error {
	groups := safety.Groups()
	var yes []string
	for {
		s.sayf("Red-flag check: %s of questions. Answer each group for tonight.", plural(len(groups), "group"))
		yes = nil
		ended := false
		for i, g := range groups {
			picked, ok, err := s.checkGroup(i, len(groups), g)
			if err != nil {
				return err
			}
			if !ok {
				ended = true
				break
			}
			yes = append(yes, picked...)
		}
		if ended {
			if !safety.EndsSession(safety.Triage(yes)) {
				// The check asks for an answer to every group; without
				// one the routine does not start.
				s.say("The input ended before the check was answered, so the routine does not start.")
				s.do(evening.Leave{})
				return nil
			}
			// What was marked already ends the night, whatever the rest
			// would say: its outcome is said rather than lost, as at the
			// read-back when the input ends there.
			s.say("The input ended before the check was finished. What you marked already needs a doctor:")
			break
		}
		again, err := s.confirmCheck(yes)
		if err != nil {
			return err
		}
		if !again {
			break
		}
		s.say("Starting the check again.")
	}
	s.do(evening.AnsweredCheck{Tier: safety.Triage(yes), Yes: yes})
	return nil
}

// noneOfThese ends every group's question list: "none" means the questions
// just read, never the whole check.
const noneOfThese = "Type the numbers that apply, separated by spaces, or press enter if none of these apply."

// checkGroup asks group i of n and returns the IDs marked yes. ok is false
// when the input ended first.
func (s *session) checkGroup(i, n int, g safety.Group) (yes []string, ok bool, err error) {
	s.sayf("Group %d of %d: %s.", i+1, n, g.Heading)
	for j, q := range g.Questions {
		line := strconv.Itoa(j+1) + ". " + q.Text
		if q.Hint != "" {
			line += " " + q.Hint
		}
		s.say(line)
	}
	s.say(noneOfThese)
	for {
		text, ok, err := s.readLine()
		if err != nil || !ok {
			return nil, false, err
		}
		if picked, ok := parseNumbers(text, len(g.Questions)); ok {
			for _, k := range picked {
				yes = append(yes, g.Questions[k-1].ID)
			}
			return yes, true, nil
		}
		s.sayf("Please type numbers from 1 to %d, separated by spaces, or press enter if none of these apply.", len(g.Questions))
	}
}

// confirmCheck reads back what was marked, as the full-screen check's
// confirm page does, and asks for enter (this is right) or c (start the
// check again). again is true for c. When the input ends here, the
// answers stand as they were typed: nobody is left to change them, and
// an outcome that was reached is said rather than lost.
func (s *session) confirmCheck(yes []string) (again bool, err error) {
	if len(yes) == 0 {
		s.say("You marked nothing: none of the questions apply to you now.")
	} else {
		s.say("You marked:")
		for _, r := range safety.Reported(yes) {
			s.say("- " + r)
		}
	}
	s.say("If this is right, press enter. If something is wrong, type c to start the check again.")
	for {
		ev, _, err := s.next(-1)
		switch {
		case err != nil:
			return false, err
		case ev.kind == evEOF:
			return false, nil
		case ev.kind == evKey:
			switch ev.key {
			case '\n':
				return false, nil
			case 'c', 'C':
				s.out.put("c\n")
				return true, nil
			}
		case ev.kind == evLine:
			switch strings.ToLower(strings.TrimSpace(ev.line)) {
			case "":
				return false, nil
			case "c", "change":
				return true, nil
			}
			s.say("Please press enter if this is right, or type c to start the check again.")
		}
	}
}

// sayOutcome says what a check reached and what to do. EMERGENCY and
// URGENT list what was reported, with the time, for the phone call or to
// take along, as the full-screen outcome does. standalone: no routine
// waits, so BOOK asks nothing.
func (s *session) sayOutcome(c night.Check, standalone bool) {
	advice := safety.AdviceIn(c.Tier, safety.Situation{At: c.At, Yes: c.Yes, Standalone: standalone})
	if c.Tier == safety.None {
		s.say(advice.Headline)
	} else {
		s.sayf("%s: %s", safety.TierName(c.Tier), advice.Headline)
	}
	for _, l := range advice.Lines {
		s.say(l)
	}
	if !safety.EndsSession(c.Tier) || len(advice.Reported) == 0 {
		return
	}
	s.sayf("What you reported at %s (take this with you):", c.At.Format("15:04"))
	for _, r := range advice.Reported {
		s.say("- " + r)
	}
	s.say("On paper or on a phone: supine report --card writes this out with the time.")
}

// voidNight is all an evening shows while an EMERGENCY or URGENT answer
// still closes the routine: when it was, the outcome again with what was
// reported, and the clock time the routine opens again. No check, no
// routine, no heat.
func (s *session) voidNight(st evening.State) {
	c := st.Void.Void
	s.sayf("The red-flag check at %s reached %s, so there is no routine until %s.",
		c.At.Format("15:04"), safety.TierName(c.Tier), night.OpensAt(st.Void.VoidUntil, c.At))
	s.sayOutcome(c, true)
}

// parseNumbers reads "1 3", "1,3" or "" (none apply): every number must be
// one of the list's, 1..n. Repeats count once.
func parseNumbers(text string, n int) ([]int, bool) {
	var out []int
	seen := map[int]bool{}
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		v, err := strconv.Atoi(f)
		if err != nil || v < 1 || v > n {
			return nil, false
		}
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out, true
}

// checkIn asks how tight the back is. nil means skipped: Enter, or no
// more input.
func (s *session) checkIn() (*int, error) {
	s.say("How tight is your back now, 0 to 10? (0 none … 10 worst; enter to skip)")
	for {
		text, ok, err := s.readLine()
		if err != nil || !ok {
			return nil, err
		}
		text = strings.TrimSpace(text)
		if text == "" {
			return nil, nil
		}
		if v, err := strconv.Atoi(text); err == nil && v >= 0 && v <= 10 {
			return &v, nil
		}
		s.say("Please type a whole number from 0 to 10, or press enter to skip:")
	}
}

// yesNo asks a question that needs y or n. When the input ends first, the
// answer is no.
func (s *session) yesNo(question string) (bool, error) {
	s.say(question)
	for {
		ev, _, err := s.next(-1)
		switch {
		case err != nil:
			return false, err
		case ev.kind == evEOF:
			return false, nil
		}
		if yes, ok := yesOrNo(ev); ok {
			if ev.kind == evKey {
				s.out.put(strings.ToLower(string(ev.key)) + "\n")
			}
			return yes, nil
		}
		if ev.kind == evLine {
			s.say("Please type y or n.")
		}
	}
}

// yesOrNo reads a y or n answer from a key or a typed line; ok is false
// for anything else.
func yesOrNo(ev event) (yes, ok bool) {
	switch ev.kind {
	case evKey:
		switch ev.key {
		case 'y', 'Y':
			return true, true
		case 'n', 'N':
			return false, true
		}
	case evLine:
		switch strings.ToLower(strings.TrimSpace(ev.line)) {
		case "y", "yes":
			return true, true
		case "n", "no":
			return false, true
		}
	}
	return false, false
}

// readLine reads one answer: the next line in line mode; in key mode the
// keys up to Enter, echoed as they are typed so the person sees them. A
// backspace drops the last character and shows what is left on a new
// line, because rubbing a character out on screen would take a cursor
// movement. ok is false when the input ended first.
func (s *session) readLine() (text string, ok bool, err error) {
	var typed []byte
	for {
		ev, _, err := s.next(-1)
		switch {
		case err != nil:
			return "", false, err
		case ev.kind == evEOF:
			if len(typed) > 0 {
				s.out.put("\n")
			}
			return "", false, nil
		case ev.kind == evLine:
			return ev.line, true, nil
		case ev.key == '\n':
			s.out.put("\n")
			return string(typed), true, nil
		case ev.key == 0x7f || ev.key == 0x08:
			if len(typed) > 0 {
				typed = typed[:len(typed)-1]
				s.out.put("\n" + string(typed))
			}
		case ev.key >= 0x20 && ev.key < 0x7f && len(typed) < maxLine:
			typed = append(typed, ev.key)
			s.out.put(string(ev.key))
		}
	}
}

// tone plays a cue's tone, as the full-screen app sounds its cues: every
// cue the engine reports, with or without words, except leaving with the
// pad on (the program is ending; that line is said last). When the player
// fails, one line says so, once, and the cues are lines of text from then
// on.
func (s *session) tone(ev night.Event) {
	t := s.o.Tones
	if t == nil || s.tonesOff || ev.Pad == night.PadLeft || !s.o.Sound.Audible(ev.Cue) {
		return
	}
	if t.Play(ev.Cue, ev.Phase) {
		return
	}
	s.tonesOff = true
	if ev.Cue == cues.HeatDone {
		// The reminder promised to sound may not: the evening knows, and
		// the pad-off lines say so.
		s.do(evening.ReminderFailed{})
	}
	line := "The tones stopped working, so the cues are lines of text only from now on."
	if e, ok := t.(interface{ Err() error }); ok && e.Err() != nil {
		line = say.Sentence("The tones stopped working", e.Err()) // it says what the cues do now
	}
	s.say(line)
}

// sounds reports whether the end of heat makes a sound, so that the heat
// step can say when its reminder is silent: a tone player that has not
// failed and keeps the heat-done cue (with sound = "command", a program set
// for it), or a voice.
func (s *session) sounds() bool {
	tone := s.o.Tones != nil && !s.tonesOff && s.o.Sound.Audible(cues.HeatDone)
	if s.o.Sound.Sound == cues.SoundCommand {
		_, _, set := cues.Command(s.o.Sound, cues.HeatDone)
		tone = tone && set
	}
	return tone || s.o.Voice != nil
}
