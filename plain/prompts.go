package plain

import (
	"strconv"
	"strings"

	"github.com/supine-app/supine/night"
	"github.com/supine-app/supine/safety"
)

// check runs the red-flag check as a numbered list. It reports whether the
// routine may go on: never after EMERGENCY or URGENT, and after BOOK only
// on an explicit yes.
func (s *session) check(res *Result) (goOn bool, err error) {
	qs := safety.Questions()
	s.say("Red-flag check. Do any of these apply to you tonight?")
	for i, q := range qs {
		line := strconv.Itoa(i+1) + ". " + q.Text
		if q.Hint != "" {
			line += " " + q.Hint
		}
		s.say(line)
	}
	s.say("Type the numbers that apply, separated by spaces, or press enter if none apply:")
	var picked []int
	for {
		text, ok, err := s.readLine()
		if err != nil {
			return false, err
		}
		if !ok {
			// Nobody answered. The check asks for an answer; without one
			// the routine does not start.
			s.say("The input ended before the check was answered, so the routine does not start.")
			return false, nil
		}
		if picked, ok = parseNumbers(text, len(qs)); ok {
			break
		}
		s.sayf("Please type numbers from 1 to %d, separated by spaces, or press enter if none apply:", len(qs))
	}
	res.Yes = nil
	for _, n := range picked {
		res.Yes = append(res.Yes, qs[n-1].ID)
	}
	res.Tier = safety.Triage(res.Yes)
	s.checked = true
	s.saveCheck(night.Check{At: s.now(), Tier: res.Tier, Yes: res.Yes, Full: true})
	s.outcome(res.Tier)
	switch {
	case safety.EndsSession(res.Tier):
		res.Reason = RedFlag
		return false, nil
	case res.Tier == safety.Book && !s.o.CheckOnly:
		yes, err := s.yesNo("Go on with tonight's routine? y or n")
		if err != nil || !yes {
			res.Reason = RedFlag
			return false, err
		}
	}
	return true, nil
}

// outcome says what a check reached and what to do.
func (s *session) outcome(t safety.Tier) {
	advice := safety.AdviceFor(t)
	if t == safety.None {
		s.say(advice.Headline)
	} else {
		s.sayf("%s: %s", safety.TierName(t), advice.Headline)
	}
	for _, l := range advice.Lines {
		s.say(l)
	}
}

// saveCheck keeps a check in the store at once, so that an EMERGENCY
// answered here closes the night for every later start, in this mode or
// the full-screen app.
func (s *session) saveCheck(c night.Check) {
	if s.o.SaveCheck == nil {
		return
	}
	if err := s.o.SaveCheck(c); err != nil {
		s.say(err.Error())
	}
}

// voidNight is all a night shows after an EMERGENCY or URGENT check: when
// it was, what was reported, and the outcome again. No routine, no heat.
func (s *session) voidNight(c night.Check, res *Result) {
	res.Tier, res.Yes, res.Reason = c.Tier, c.Yes, RedFlag
	at := c.At.Format("15:04")
	s.sayf("The red-flag check at %s tonight reached %s, so there is no routine tonight.", at, safety.TierName(c.Tier))
	if len(c.Yes) > 0 {
		s.sayf("What you reported at %s:", at)
		for _, id := range c.Yes {
			s.say("- " + questionText(id))
		}
	}
	s.outcome(c.Tier)
}

// questionText is the question with the ID, as the person read it.
func questionText(id string) string {
	for _, q := range safety.Questions() {
		if q.ID == id {
			return q.Text
		}
	}
	return id
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
		case ev.kind == evKey:
			switch ev.key {
			case 'y', 'Y':
				s.out.put("y\n")
				return true, nil
			case 'n', 'N':
				s.out.put("n\n")
				return false, nil
			}
		case ev.kind == evLine:
			switch strings.ToLower(strings.TrimSpace(ev.line)) {
			case "y", "yes":
				return true, nil
			case "n", "no":
				return false, nil
			}
			s.say("Please type y or n.")
		}
	}
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
