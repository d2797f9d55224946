// Package night is the engine of one night: the single place that decides
// what a night allows. Every front end (the full-screen app, plain mode, and
// whatever listens for cues) renders its state, turns keys into its commands
// and acts on its events; none of them decides anything it decides.
//
// It holds two things:
//
//   - Tonight: what happened tonight, in this process and in earlier ones
//     (read from the history store): the red-flag checks with their answers,
//     stops for pain, and heat used. From it, the Gate says what may start
//     now: nothing but the outcome after an EMERGENCY or URGENT answer; only
//     the sleep set-up after a stop for pain; heat at most once a night and
//     never within 2 hours of the last; the short "anything new?" question
//     only under CONTENT.md section 4's rule.
//
//   - Run: one routine from its first step to lights out, driven by commands
//     (start heat, pause, skip, back, the pad is off, stop for pain, leave)
//     and by the clock (Tick), answering with its State and with Events: cues
//     with the words a listener says, saves, and the pad-off reminder.
//
// The heat clock is real time (a routines.Clock, CLOCK_BOOTTIME on Linux):
// once the pad is on it cannot be paused, reset or restarted, and every way
// out of it goes through "switch the pad off now". Only the explicit answer
// "the pad is off" ends the reminder.
//
// Time is always an argument; nothing here reads a clock, sleeps or starts a
// goroutine, so the invariants are tested with random command sequences
// (property_test.go). The package imports no UI code.
package night
