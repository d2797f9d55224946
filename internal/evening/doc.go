// Package evening is the whole evening around a night's run, as one state
// machine in the domain: the first-night disclaimer and precautions, the
// red-flag check or its shortcut, the outcome, the check-ins with the
// waking question and its follow-up, tonight's heat question, the run
// itself (a night.Run), the "after" check-in, lights out and the summary,
// and the one record the store keeps of it all.
//
// Every front end (the full-screen app, plain mode, and any other: a
// reminder, a voice-only mode) drives an Evening with inputs and draws its
// State; none of them decides a step of the evening. Do answers each input
// with a Reply: the run's events (cues with their words, for listeners),
// typed notes (the pad may still be on, heat left out, lights out by
// itself), and effects on the store for the front end to carry out with a
// Keeper, off its update loop, feeding the Keeper's answer back in.
//
// The history decides (CONTENT.md section 4, v3). Every decision the rules
// govern (offering the check or its shortcut, the outcome, starting the
// routine) is taken on a Read of the store made for it, never on what a
// process read when it started; the moment the pad goes on is a claim the
// store grants or refuses inside one write transaction, so that two
// processes can never both hold heat within night.HeatGap. When tonight
// cannot be read the evening fails closed: it asks the two questions of
// section 4 and takes "yes" and "not sure" as the safe answer.
//
// Time is always an argument (a Moment: the wall clock for the store and
// the rules, the run clock for the heat); nothing here reads a clock,
// sleeps, starts a goroutine or touches a file, except the Keeper, which is
// the only code that calls the store.
package evening
