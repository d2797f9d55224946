package routines

import "time"

// Expand turns a routine into its timeline for tonight. It is a pure
// function: the same routine and options always give the same plan.
//
// Heat is one segment of whole minutes, clamped to MinHeatMinutes..
// MaxHeatMinutes whatever the file or the options say, because the upper
// bound is a burn-safety rule. Per-side holds alternate sides so that each
// side gets its full hold: left 1, switch, right 1, switch, left 2, ...
// Steps marked SkipWithOsteoporosis are left out when o.Osteoporosis is set;
// their Step index then has no segments (see StepRange).
//
// With o.GetReady, every hold and paced step starts with a SegReady
// segment of that length (clamped to 0..MaxGetReady); the holds count after
// it. With o.FitReady, a get-ready whose words take longer to say
// (SpokenLength of Step.ReadyWords) lasts as long as they do. With
// o.Settle, the plan's last segment, when it is a settle step, gets that
// Duration (clamped to 0..MaxSettle): the quiet time of lights out. A
// settle step in the middle of a routine always waits.
func Expand(r Routine, o Options) Plan {
	o.GetReady = min(max(o.GetReady, 0), MaxGetReady)
	o.Settle = min(max(o.Settle, 0), MaxSettle)
	p := Plan{Routine: r, Options: o}
	add := func(s Segment) {
		s.Start = p.Total
		p.Segments = append(p.Segments, s)
		p.Total += s.Duration
	}
	for i, st := range r.Steps {
		if o.Osteoporosis && st.SkipWithOsteoporosis {
			continue
		}
		if (o.NoHeat && st.Kind == KindHeat) || (o.SettleOnly && st.Kind != KindSettle) {
			continue
		}
		reps := max(st.Reps, 1)
		if o.GetReady > 0 && st.IsStretch() {
			side := NoSide
			if st.Kind == KindHold && st.PerSide {
				side = Left
			}
			add(Segment{Step: i, Kind: SegReady, Phase: PhaseReady, Side: side, Duration: readyFor(st, side, o)})
		}
		switch st.Kind {
		case KindHeat:
			m := HeatMinutes(st, o)
			add(Segment{Step: i, Kind: SegHeat, Phase: PhaseHeat, Duration: time.Duration(m) * time.Minute})
		case KindHold:
			if st.PerSide {
				for rep := 1; rep <= reps; rep++ {
					for _, side := range []Side{Left, Right} {
						if prev := len(p.Segments) - 1; prev >= 0 && p.Segments[prev].Step == i && p.Segments[prev].Kind == SegHold && st.Switch > 0 {
							add(Segment{Step: i, Kind: SegSwitch, Phase: PhaseSwitch, Duration: st.Switch})
						}
						add(Segment{Step: i, Kind: SegHold, Phase: PhaseHold, Side: side, Rep: rep, Reps: reps, Duration: st.Hold})
					}
				}
				continue
			}
			for rep := 1; rep <= reps; rep++ {
				if rep > 1 && st.Rest > 0 {
					add(Segment{Step: i, Kind: SegRest, Phase: PhaseRest, Duration: st.Rest})
				}
				add(Segment{Step: i, Kind: SegHold, Phase: PhaseHold, Rep: rep, Reps: reps, Duration: st.Hold})
			}
		case KindPaced:
			for rep := 1; rep <= reps; rep++ {
				if rep > 1 && st.Rest > 0 {
					add(Segment{Step: i, Kind: SegRest, Phase: PhaseRest, Duration: st.Rest})
				}
				for _, ph := range st.Phases {
					add(Segment{Step: i, Kind: SegPaced, Phase: ph.Name, Rep: rep, Reps: reps, Duration: ph.Duration})
				}
			}
		case KindRest:
			add(Segment{Step: i, Kind: SegRest, Phase: PhaseRest, Duration: st.Duration})
		case KindSettle:
			add(Segment{Step: i, Kind: SegSettle, Phase: PhaseSettle})
		}
	}
	// Lights out: the last settle step counts a quiet time and ends the
	// night by itself.
	if n := len(p.Segments); n > 0 && o.Settle > 0 && p.Segments[n-1].Kind == SegSettle {
		p.Segments[n-1].Duration = o.Settle
		p.Total += o.Settle
	}
	return p
}

// HeatMinutes is tonight's length of a heat step: the person's choice, else
// the file's, else the default, clamped as the plan clamps it. The report
// states the dose from it, so what it says is what the timer runs.
func HeatMinutes(st Step, o Options) int {
	m := DefaultHeatMinutes
	switch {
	case o.HeatMinutes != 0:
		m = o.HeatMinutes
	case st.Minutes != 0:
		m = st.Minutes
	}
	return ClampHeatMinutes(m)
}

// ClampHeatMinutes keeps m within MinHeatMinutes..MaxHeatMinutes.
func ClampHeatMinutes(m int) int {
	return min(max(m, MinHeatMinutes), MaxHeatMinutes)
}

// Total is the length of the routine's timeline with these options. Settle
// steps wait for the person and add nothing, except the quiet time of
// lights out (Options.Settle) on the last one.
func (r Routine) Total(o Options) time.Duration {
	return Expand(r, o).Total
}

// End is the offset from the start of the plan at which the segment ends.
func (s Segment) End() time.Duration { return s.Start + s.Duration }

// Locate says which segment is running at elapsed time since the plan began,
// and how far into it. A settle segment of Duration 0 holds the timeline:
// any elapsed time that reaches it locates there. Past the end, Locate
// returns the last segment with into clamped to its Duration. An empty plan
// gives (-1, 0).
func (p Plan) Locate(elapsed time.Duration) (seg int, into time.Duration) {
	if len(p.Segments) == 0 {
		return -1, 0
	}
	elapsed = max(elapsed, 0)
	for i, s := range p.Segments {
		if s.Kind == SegSettle && s.Duration == 0 && elapsed >= s.Start {
			return i, 0
		}
		if elapsed < s.End() {
			return i, elapsed - s.Start
		}
	}
	last := len(p.Segments) - 1
	return last, p.Segments[last].Duration
}

// StepRange gives the first and last segment index of a step, or (-1, -1)
// when the step has no segments (dropped for osteoporosis, or out of range).
func (p Plan) StepRange(step int) (first, last int) {
	first, last = -1, -1
	for i, s := range p.Segments {
		if s.Step != step {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	return first, last
}

// Steps lists the indexes into Routine.Steps that the plan includes, in
// order; steps dropped for osteoporosis are missing. "Step 2 of 4" counts
// positions in this list.
func (p Plan) Steps() []int {
	var steps []int
	for _, s := range p.Segments {
		if n := len(steps); n == 0 || steps[n-1] != s.Step {
			steps = append(steps, s.Step)
		}
	}
	return steps
}

// Step returns the routine step that segment seg belongs to.
func (p Plan) Step(seg int) Step {
	return p.Routine.Steps[p.Segments[seg].Step]
}

// HeatMinutes is the length in minutes of the plan's first heat segment, or
// 0 when the plan has no heat step.
func (p Plan) HeatMinutes() int {
	for _, s := range p.Segments {
		if s.Kind == SegHeat {
			return int(s.Duration / time.Minute)
		}
	}
	return 0
}

// WithHeatMinutes re-expands the plan with tonight's heat set to m minutes,
// clamped to MinHeatMinutes..MaxHeatMinutes. Segment indexes do not move:
// only the heat segment's Duration and the Start of later segments change.
func (p Plan) WithHeatMinutes(m int) Plan {
	o := p.Options
	o.HeatMinutes = ClampHeatMinutes(m)
	return Expand(p.Routine, o)
}
