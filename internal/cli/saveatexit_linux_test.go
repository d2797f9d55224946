//go:build linux

package cli

import (
	"errors"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"testing"
)

// TestAStopSignalDuringTheExitSaveDoesNotCutItShort: a second Ctrl+C
// (SIGINT), a kill (SIGTERM) or the terminal closing (SIGHUP) while the
// save on the way out waits on a locked history does not end supine: the
// save runs to its end and its result is returned. Nothing else in this
// test process catches these signals, so one that saveAtExit let through
// would end the test binary at once.
func TestAStopSignalDuringTheExitSaveDoesNotCutItShort(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		if signal.Ignored(sig) {
			t.Logf("%v is ignored by whatever started the test: sending it proves nothing", sig)
			continue
		}
		release := make(chan struct{})
		var out lockedBuffer
		got := make(chan error, 1)
		want := errors.New("saved after " + sig.String())
		go func() { got <- saveAtExit(&out, slowSave(release, want)) }()
		waitForOutput(t, &out, savingLine) // the save is under way, and waiting
		// Sent to this thread, the signal is handled as the system call
		// returns: by the next line it has come, while the save waits.
		runtime.LockOSThread()
		err := syscall.Tgkill(os.Getpid(), syscall.Gettid(), sig)
		runtime.UnlockOSThread()
		if err != nil {
			t.Fatalf("sending %v: %v", sig, err)
		}
		close(release)
		if err := <-got; err != want {
			t.Errorf("after %v: saveAtExit returned %v, want the save's own %v", sig, err, want)
		}
	}
}
