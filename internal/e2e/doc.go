// Package e2e drives the built supine binary in a real pseudo-terminal, the
// way a person would: keys in, the screen (through a terminal emulator) out.
// Its tests are the ones that prove the app works; it has no non-test code
// beyond this comment.
package e2e
