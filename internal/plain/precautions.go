package plain

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/dayparse"
	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// PrecautionsOptions is what AskPrecautions needs.
type PrecautionsOptions struct {
	In   io.Reader
	Out  io.Writer
	Keys bool             // In is a terminal in key mode (see Options.Keys)
	Now  func() time.Time // the wall clock, for "today"; nil means time.Now

	wait waiter // replaces the real input in tests
}

// AskPrecautions asks the precautions of CONTENT.md section 6 in plain
// text, as the precautions screen does: each question with what a yes
// does, answered y (yes), n (no) or c ("yes, and my clinician has cleared
// me"), which asks what was cleared when the precaution takes both heat and
// the stretches, then the day. Then it says what tonight's routine becomes
// (safety.AdaptAnswers) and asks to keep the answers (enter) or start again
// (c). It returns the answers to keep, each with what was cleared; nil
// when the input ended before they were all given or kept: nothing is
// assumed.
func AskPrecautions(ctx context.Context, o PrecautionsOptions) ([]history.Precaution, error) {
	s := newSession(ctx, Options{In: o.In, Out: o.Out, Keys: o.Keys, Now: o.Now, wait: o.wait})
	answers, err := s.askPrecautions()
	if errors.Is(err, errInterrupted) {
		err = nil
	}
	if err == nil {
		err = s.out.err
	}
	if answers == nil {
		return nil, err
	}
	return evening.PrecautionAnswers(answeredPrecautions(answers), s.now()), err
}

// answeredPrecautions is the evening's input for the answers given.
func answeredPrecautions(answers map[string]safety.Answer) evening.AnsweredPrecautions {
	in := evening.AnsweredPrecautions{Answers: map[string]bool{}, Cleared: map[string]safety.Answer{}}
	for id, a := range answers {
		in.Answers[id] = a.Yes
		if a.Cleared.Any() {
			in.Cleared[id] = a
		}
	}
	return in
}

// askPrecautions asks every precaution, says what tonight's routine
// becomes, and asks to keep the answers or start again. The answers are
// nil when the input ended before they were all given and kept.
func (s *session) askPrecautions() (map[string]safety.Answer, error) {
	ps := safety.Precautions()
	for {
		s.sayf("Precautions: %s that adapt the routine to you. None of them stops the sleep set-up.", plural(len(ps), "question"))
		s.say("Answer each with y for yes, n for no, or c for: " + safety.ClearedAnswer + ".")
		answers := map[string]safety.Answer{}
		for i, p := range ps {
			line := "Question " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(ps)) + ". " + p.Text
			if p.Hint != "" {
				line += " " + p.Hint
			}
			s.say(line)
			s.say("If yes: " + p.Does)
			a, ok, err := s.precaution(p)
			if err != nil || !ok {
				return nil, err
			}
			answers[p.ID] = a
		}
		s.say("What tonight's routine becomes:")
		adapt := safety.AdaptAnswers(answers)
		if !adapt.Adapted() {
			s.say("You answered no to each question: tonight's routine runs as it is.")
		}
		for _, r := range adapt.Reasons {
			s.say("- " + r)
		}
		again, err := s.keepOrAgain("Press enter to keep these answers. If something is wrong, type c to answer them again.")
		if err != nil {
			return nil, err
		}
		if again == keepEnded {
			return nil, nil
		}
		if again == keepYes {
			return answers, nil
		}
		s.say("Answering them again.")
	}
}

// precaution reads one answer: y, n or c, and for c what was cleared and
// when. ok is false when the input ended first.
func (s *session) precaution(p safety.Precaution) (safety.Answer, bool, error) {
	for {
		word, ok, err := s.word()
		if err != nil || !ok {
			return safety.Answer{}, false, err
		}
		switch word {
		case "y", "yes":
			return safety.Answer{Yes: true}, true, nil
		case "n", "no":
			return safety.Answer{}, true, nil
		case "c", "cleared":
			what := p.Takes
			if what.Heat && what.Stretches {
				var ok bool
				if what, ok, err = s.clearedWhat(); err != nil || !ok {
					return safety.Answer{}, false, err
				}
			}
			on, ok, err := s.clearedOn()
			if err != nil || !ok {
				return safety.Answer{}, false, err
			}
			return safety.Answer{Yes: true, Cleared: what, ClearedOn: on}, true, nil
		}
		s.say("Please type y for yes, n for no, or c if your clinician has cleared you.")
	}
}

// clearedWhat asks what a clinician cleared, for a precaution that takes
// both heat and the stretches.
func (s *session) clearedWhat() (safety.Clearance, bool, error) {
	s.say("What did your clinician clear? Type h for heat, s for the stretches, or b for both.")
	for {
		word, ok, err := s.word()
		if err != nil || !ok {
			return safety.Clearance{}, false, err
		}
		switch word {
		case "h", "heat":
			return safety.Clearance{Heat: true}, true, nil
		case "s", "stretches", "the stretches":
			return safety.Clearance{Stretches: true}, true, nil
		case "b", "both":
			return safety.Clearance{Heat: true, Stretches: true}, true, nil
		}
		s.say("Please type h for heat, s for the stretches, or b for both.")
	}
}

// clearedOn asks the day the clinician cleared it, by dayparse's rule.
func (s *session) clearedOn() (time.Time, bool, error) {
	s.say("When did they clear you? Type t for today, y for yesterday, or the date as " + s.now().Format(dayparse.Layout) + ", then enter.")
	for {
		text, ok, err := s.readLine()
		if err != nil || !ok {
			return time.Time{}, false, err
		}
		on, err := dayparse.Parse(text, s.now())
		if err == nil {
			return on, true, nil
		}
		s.say(err.Error())
	}
}

// word reads one answer: a key in key mode (echoed), a line in line mode,
// lower case and trimmed. ok is false when the input ended first.
func (s *session) word() (string, bool, error) {
	for {
		ev, _, err := s.next(-1)
		switch {
		case err != nil:
			return "", false, err
		case ev.kind == evEOF:
			return "", false, nil
		case ev.kind == evKey && ev.key != '\n':
			s.out.put(string(ev.key) + "\n")
			return strings.ToLower(string(ev.key)), true, nil
		case ev.kind == evLine:
			return strings.ToLower(strings.TrimSpace(ev.line)), true, nil
		}
	}
}

// What keepOrAgain read.
const (
	keepYes   = iota // enter: keep
	keepAgain        // c: start again
	keepEnded        // the input ended: nothing is kept
)

// keepOrAgain says prompt and reads enter (keep) or c (again).
func (s *session) keepOrAgain(prompt string) (int, error) {
	s.say(prompt)
	return s.enterOrC("Please press enter to keep these answers, or type c to answer them again.")
}

// enterOrC reads enter (keepYes) or c (keepAgain), saying retry after
// anything else typed; keepEnded when the input ends first.
func (s *session) enterOrC(retry string) (int, error) {
	for {
		ev, _, err := s.next(-1)
		switch {
		case err != nil:
			return keepEnded, err
		case ev.kind == evEOF:
			return keepEnded, nil
		case ev.kind == evKey && ev.key == '\n':
			return keepYes, nil
		case ev.kind == evKey && (ev.key == 'c' || ev.key == 'C'):
			s.out.put("c\n")
			return keepAgain, nil
		case ev.kind == evLine:
			switch strings.ToLower(strings.TrimSpace(ev.line)) {
			case "":
				return keepYes, nil
			case "c", "change":
				return keepAgain, nil
			}
			s.say(retry)
		}
	}
}
