// Package remind is the bedtime reminder: a per-user schedule kept by the
// system's own scheduler (a systemd user timer on Linux, a LaunchAgent on
// macOS, a Task Scheduler task on Windows) that runs `supine nudge` at the
// time the person chose, and the rule that decides whether that nudge
// speaks.
//
// supine runs no daemon of its own and nothing as root: the scheduler
// starts a short `supine nudge`, which reads tonight from the history
// (read-only), decides with Decide, and raises at most one quiet desktop
// notification a night through the desktop's own command.
//
// The scheduler files and command lines are pure functions of the binary's
// path and the time (tested against goldens); the scheduler commands run
// through a Runner, so tests fake them. The package imports no UI code.
package remind
