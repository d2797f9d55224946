package plain

import (
	"strconv"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/safety"
)

// The questions of the evening's stages, asked as lines. Each hands its
// answer to the evening; when the input ends first, the evening is left
// (nothing is answered for the person).

// answer asks a question that takes y or n, and u ("not sure") when
// unsure is true. ok is false when the input ended first.
func (s *session) answer(question string, unsure bool) (a evening.Answer, ok bool, err error) {
	prompt := question + " y or n"
	if unsure {
		prompt = question + " y, n, or u for not sure"
	}
	s.say(prompt)
	for {
		ev, _, err := s.next(-1)
		switch {
		case err != nil:
			return 0, false, err
		case ev.kind == evEOF:
			return 0, false, nil
		}
		if a, ok := answerOf(ev, unsure); ok {
			if ev.kind == evKey {
				s.out.put(strings.ToLower(string(ev.key)) + "\n")
			}
			return a, true, nil
		}
		if ev.kind == evLine {
			if unsure {
				s.say("Please type y, n or u.")
			} else {
				s.say("Please type y or n.")
			}
		}
	}
}

// answerOf reads y, n or (when unsure is allowed) u from a key or a line.
func answerOf(ev event, unsure bool) (evening.Answer, bool) {
	if yes, ok := yesOrNo(ev); ok {
		if yes {
			return evening.Yes, true
		}
		return evening.No, true
	}
	if !unsure {
		return 0, false
	}
	switch ev.kind {
	case evKey:
		if ev.key == 'u' || ev.key == 'U' {
			return evening.NotSure, true
		}
	case evLine:
		switch strings.ToLower(strings.TrimSpace(ev.line)) {
		case "u", "unsure", "not sure", "don't know", "dont know":
			return evening.NotSure, true
		}
	}
	return 0, false
}

// unknown asks the two questions of failing closed.
func (s *session) unknown() error {
	s.say(safety.UnknownWhy)
	help, ok, err := s.answer(safety.UnknownHelpOrPain, true)
	if err != nil || !ok {
		return s.leaveOn(err)
	}
	heat, ok, err := s.answer(safety.UnknownHeatRecently, true)
	if err != nil || !ok {
		return s.leaveOn(err)
	}
	s.do(evening.AnsweredUnknown{HelpOrPain: help, HeatRecently: heat})
	return nil
}

// leaveOn leaves the evening when the input ended (err nil) or on err.
func (s *session) leaveOn(err error) error {
	if err != nil {
		return err
	}
	s.do(evening.Leave{})
	return nil
}

// disclaimer says what supine is and is not, once, before the first night:
// the words of the full-screen app's About screen.
func (s *session) disclaimer() error {
	s.say("About supine:")
	for _, l := range safety.Disclaimer() {
		s.say(l)
	}
	s.say(safety.ReviewedLine() + " Sources: supine about.")
	s.say(safety.DisclaimerGoOn)
	if ok, err := s.enter(); err != nil || !ok {
		return s.leaveOn(err)
	}
	s.do(evening.Seen{})
	return nil
}

// enter waits for enter; ok is false when the input ended first.
func (s *session) enter() (ok bool, err error) {
	for {
		ev, _, err := s.next(-1)
		switch {
		case err != nil:
			return false, err
		case ev.kind == evEOF:
			return false, nil
		case ev.kind == evKey && ev.key == '\n', ev.kind == evLine:
			if ev.kind == evKey {
				s.out.put("\n")
			}
			return true, nil
		}
	}
}

// precautions asks the precautions with the third answer (askPrecautions)
// and hands them to the evening; nothing is answered for the person when
// the input ends first.
func (s *session) precautions() error {
	s.precautionsAsked = true
	answers, err := s.askPrecautions()
	if err != nil || answers == nil {
		return s.leaveOn(err)
	}
	s.do(answeredPrecautions(answers))
	return nil
}

// shortcut is "anything new?": its questions (the evening's; the waking
// question only when it is not answered tonight), one at a time, with
// every EMERGENCY item named under the first. A yes or "not sure" to any
// runs the full check.
func (s *session) shortcut(since time.Time, qs []safety.ShortcutQuestion) error {
	var woke *bool
	for _, q := range qs {
		text := strings.ReplaceAll(q.Text, "{since}", "your last full check on "+since.Format("Mon 2 Jan"))
		if len(q.Items) > 0 {
			s.say(text)
			for _, it := range q.Items {
				s.say("- " + it)
			}
			text = "Any of these, or anything new?"
		}
		a, ok, err := s.answer(text, true)
		if err != nil || !ok {
			return s.leaveOn(err)
		}
		if q.ID == safety.ShortcutWokeByPain {
			w := a == evening.Yes
			if a != evening.NotSure {
				woke = &w
			}
		}
		if a != evening.No {
			s.say("Then the full check.")
			s.do(evening.AnsweredShortcut{Yes: []string{q.ID}, Woke: woke})
			return nil
		}
	}
	s.do(evening.AnsweredShortcut{Woke: woke})
	return nil
}

// outcome says what this evening's check reached. After BOOK in front of
// a routine it asks whether to go on; every other outcome ends here.
func (s *session) outcome(st evening.State) error {
	standalone := st.Entry == evening.ForCheck
	s.sayOutcome(st.Check, standalone, "")
	if st.Check.Tier == safety.Book && !standalone {
		yes, err := s.yesNo("Go on with tonight's routine? y or n")
		if err != nil {
			return err
		}
		if yes {
			s.do(evening.GoOn{})
			return nil
		}
	}
	s.do(evening.Stop{})
	return nil
}

// before is the "before" check-in, with the waking question when it is
// not answered tonight yet.
func (s *session) before(st evening.State) error {
	v, err := s.checkIn()
	if err != nil {
		return err
	}
	var woke *bool
	if st.AskWoke {
		a, ok, err := s.answer("Did back pain wake you last night?", false)
		if err != nil {
			return err
		}
		if ok {
			w := a == evening.Yes
			woke = &w
		}
	}
	if err := s.weeklyRating(); err != nil {
		return err
	}
	s.do(evening.AnsweredBefore{Tightness: v, Woke: woke})
	return nil
}

// eased is the follow-up to being woken by back pain.
func (s *session) eased() error {
	a, ok, err := s.answer("Did anything ease it, such as moving or changing position?", false)
	if err != nil || !ok {
		return s.leaveOn(err)
	}
	s.do(evening.AnsweredEased{Eased: a == evening.Yes})
	return nil
}

// heatQuestion is tonight's heat question, just before the pad goes on.
func (s *session) heatQuestion() error {
	// The question first, then what a yes does: said the other way round,
	// a screen reader gave the answer's effect before its question.
	s.say(safety.HeatQuestionTitle + ":")
	a, ok, err := s.answer(safety.HeatQuestion+" "+safety.HeatQuestionWhy, true)
	if err != nil || !ok {
		return s.leaveOn(err)
	}
	s.do(evening.AnsweredHeat{Answer: a})
	return nil
}

// after is the "after" check-in. It waits a minute at most: when nobody
// answers, lights out comes by itself and the number stays unanswered.
func (s *session) after(st evening.State) error {
	s.sayf("How tight is your back now, 0 to 10? (0 none … 10 worst; enter to skip) If you do not answer within %s, lights out comes by itself.",
		speakDuration(st.AfterLeft))
	var typed []byte
	for s.state().Stage == evening.After {
		wait := time.Duration(-1)
		if d, ok := s.ev.Due(s.moment()); ok {
			wait = max(d, time.Millisecond)
		}
		ev, got, err := s.next(wait)
		if err != nil {
			return err
		}
		if !got {
			s.do(evening.Tick{})
			continue
		}
		text, done := "", false
		switch {
		case ev.kind == evEOF:
			s.do(evening.AnsweredAfter{})
			return nil
		case ev.kind == evLine:
			text, done = ev.line, true
		case ev.key == '\n':
			s.out.put("\n")
			text, done = string(typed), true
		case ev.key >= '0' && ev.key <= '9' && len(typed) < 2:
			typed = append(typed, ev.key)
			s.out.put(string(ev.key))
		}
		if !done {
			continue
		}
		typed = nil
		text = strings.TrimSpace(text)
		if text == "" {
			s.do(evening.AnsweredAfter{})
			return nil
		}
		if v, err := strconv.Atoi(text); err == nil && v >= 0 && v <= 10 {
			s.do(evening.AnsweredAfter{Tightness: &v})
			return nil
		}
		s.say("Please type a whole number from 0 to 10, or press enter to skip:")
	}
	return nil
}

// painStopped says what a stop for pain leads to, part by part as the
// full-screen outcome shows it.
func (s *session) painStopped() {
	s.advice(safety.PainStop(), "")
}
