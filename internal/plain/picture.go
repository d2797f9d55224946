package plain

import "github.com/supine-app/supine/internal/figure"

// pictured is which pictures of the step on show were said: the
// full-screen app draws a picture of each stretch (package figure), and
// plain mode says what each one shows, once a step, so that a screen
// reader hears the tilt and the relax once, not on every rep.
type pictured struct {
	step int
	said map[figure.Scene]bool
}

// picture says the words of segment i's picture when its step has not
// said them yet.
func (pl *player) picture(i int) {
	p := pl.run().Plan()
	s, ok := figure.At(p, i, pl.s.o.Setup.Position)
	if !ok {
		return
	}
	if step := p.Segments[i].Step; pl.pictured.said == nil || pl.pictured.step != step {
		pl.pictured = pictured{step: step, said: map[figure.Scene]bool{}}
	}
	if !pl.pictured.said[s] {
		pl.pictured.said[s] = true
		pl.s.say(figure.Words(s))
	}
}
