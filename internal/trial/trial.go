// Package trial is "Does heat help me?" run as an n-of-1 trial: 8 pairs of
// nights, one night of each pair with heat and one without, the order drawn
// at random for each pair from a stored seed; the outcome (tightness after
// the routine, and before it the next evening) fixed before the first
// night; the results hidden until the last pair is done or the trial is
// stopped.
//
// The trial only ever takes heat away: on a night without heat the evening
// leaves the heat step out (package evening reads At); on a night with heat
// the routine is exactly what it would have been, and the night engine's
// gate still decides whether heat may start. A night the gate gave no heat, a night
// the rules voided, a stop for pain or a night without a routine does not
// count, and Evaluate says which and why.
//
// It is a pure function of the stored trial, sessions and checks, and
// imports no UI package. Its sentences are here so that the screens, plain
// mode, the command line and the report say the same.
package trial

import (
	"math/rand/v2"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// Trial is a trial as stored.
type Trial = history.Trial

// KindHeat is the one comparison supine runs.
const KindHeat = "heat"

// Pairs is how many pairs of nights a trial has.
const Pairs = 8

// Threshold is the difference in tightness, in points on the 0 to 10 scale,
// a pair is read against: 2 points (or 30%) is the threshold usually taken
// for a real change on a 0 to 10 pain scale (ThresholdSource). Tightness is
// rated the same way, but the threshold was set for pain.
const Threshold = 2

// ThresholdPercent is the relative form of the same threshold.
const ThresholdPercent = 30

// ThresholdCited is the source in a few words, for the report.
const ThresholdCited = "Ostelo et al., Spine 2008;33(1):90-94"

// ThresholdSource is where the threshold comes from.
const ThresholdSource = "Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change. Spine 2008;33(1):90-94."

// Outcome is the outcome, fixed before a trial starts and stored with it.
const Outcome = "tightness after the routine (0 to 10), and tightness before the routine the next evening"

// orderStream is the second half of the PCG seed: a constant, so that the
// stored seed alone reproduces the order.
const orderStream = 0x5e1f_7e57

// Order draws, for each of pairs pairs, whether its first night has heat.
// Every pair has one night of each by construction; the same seed always
// gives the same order.
func Order(seed int64, pairs int) []bool {
	r := rand.New(rand.NewPCG(uint64(seed), orderStream))
	out := make([]bool, pairs)
	for i := range out {
		out[i] = r.IntN(2) == 0
	}
	return out
}

// New is a heat trial drawn from seed, starting on the night firstNight.
func New(seed int64, started, firstNight time.Time) Trial {
	return Trial{Kind: KindHeat, Started: started, FirstNight: midnight(firstNight), Seed: seed,
		HeatFirst: Order(seed, Pairs), Outcome: Outcome}
}

// FirstNight is the night a trial started at now begins: tonight, unless a
// routine has already begun tonight (its heat is decided), then tomorrow.
func FirstNight(now time.Time, rolloverHour int, sessions []history.Session) time.Time {
	tonight := history.Night(now, rolloverHour)
	for _, s := range sessions {
		if !s.Start.After(now) && history.Night(s.Start.In(now.Location()), rolloverHour).Equal(tonight) {
			return addDays(tonight, 1)
		}
	}
	return tonight
}

// Scheduled is one night of the trial as drawn.
type Scheduled struct {
	Night time.Time // midnight of the evening
	N     int       // the night's number, 1 to 2*Pairs
	Pair  int       // 1 to Pairs
	Heat  bool
}

// Schedule is every night of the trial, in order.
func Schedule(t Trial) []Scheduled {
	out := make([]Scheduled, 0, 2*len(t.HeatFirst))
	for p, heatFirst := range t.HeatFirst {
		out = append(out,
			Scheduled{Night: addDays(t.FirstNight, 2*p), N: 2*p + 1, Pair: p + 1, Heat: heatFirst},
			Scheduled{Night: addDays(t.FirstNight, 2*p+1), N: 2*p + 2, Pair: p + 1, Heat: !heatFirst})
	}
	return out
}

// LastNight is the trial's last night.
func LastNight(t Trial) time.Time { return addDays(t.FirstNight, 2*len(t.HeatFirst)-1) }

// Tonight says what the trial asks of the night that begins at night (any
// time on its evening's date; history.Night gives it). inTrial is false
// when the trial has been stopped, has not begun or is over: then the
// routine is as usual. When inTrial is true, heat false means the evening
// leaves the heat step out tonight; heat true means the routine as usual,
// heat included only if the night's gate allows it. The trial never adds
// heat.
func Tonight(t Trial, night time.Time) (heat bool, inTrial bool) {
	sc, ok := At(t, night)
	if !ok {
		return true, false
	}
	return sc.Heat, true
}

// At is the trial's night that begins at night, for the line that says
// so (TonightLine); ok is false as for Tonight.
func At(t Trial, night time.Time) (Scheduled, bool) {
	if !t.Stopped.IsZero() || len(t.HeatFirst) == 0 {
		return Scheduled{}, false
	}
	i := daysBetween(t.FirstNight, midnight(night))
	if i < 0 || i >= 2*len(t.HeatFirst) {
		return Scheduled{}, false
	}
	heatFirst := t.HeatFirst[i/2]
	return Scheduled{Night: addDays(t.FirstNight, i), N: i + 1, Pair: i/2 + 1, Heat: heatFirst == (i%2 == 0)}, true
}

// Running reports whether the trial is still under way at now: not
// stopped, and its last night not over.
func Running(t Trial, now time.Time, rolloverHour int) bool {
	return t.Stopped.IsZero() && !history.Night(now, rolloverHour).After(LastNight(t))
}

// Latest is the newest trial, if any.
func Latest(trials []Trial) (Trial, bool) {
	if len(trials) == 0 {
		return Trial{}, false
	}
	latest := trials[0]
	for _, t := range trials[1:] {
		if t.Started.After(latest.Started) || (t.Started.Equal(latest.Started) && t.ID > latest.ID) {
			latest = t
		}
	}
	return latest, true
}

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

func addDays(t time.Time, n int) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day()+n, 0, 0, 0, 0, t.Location())
}

// daysBetween counts calendar days from a to b, whatever the clock hours
// and daylight-saving changes between them.
func daysBetween(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 12, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 12, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Round(24*time.Hour) / (24 * time.Hour))
}
