// Package history is supine's memory: the SQLite store that keeps every
// session and red-flag check on this machine, and the pure analysis on top of
// it (nights, streaks, weekly averages and the history rules of CONTENT.md
// section 7), with the precautions and clinicians' checks the person gave.
//
// The store is built so that a session is never lost: the app calls Begin when
// a routine starts (the row is saved as partial), Update as steps finish, and
// Finish at the end. A process killed at any moment leaves a partial row with
// what had been done. The analysis functions take the clock as an argument and
// never read the time themselves, so tests pass a fake one.
//
// It imports no UI package.
package history
