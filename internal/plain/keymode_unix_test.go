//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package plain

import (
	"os"
	"testing"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

func TestKeyMode(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	lflag := func() uint32 {
		tio, err := unix.IoctlGetTermios(int(tty.Fd()), ioctlGetTermios)
		if err != nil {
			t.Fatal(err)
		}
		return uint32(tio.Lflag)
	}
	before := lflag()
	restore, err := KeyMode(tty)
	if err != nil {
		t.Fatal(err)
	}
	if l := lflag(); l&unix.ICANON != 0 || l&unix.ECHO != 0 || l&unix.ISIG == 0 {
		t.Errorf("key mode lflag %#x: want ICANON and ECHO off, ISIG on", l)
	}
	if err := restore(); err != nil {
		t.Fatal(err)
	}
	if l := lflag(); l != before {
		t.Errorf("restore left lflag %#x, want %#x", l, before)
	}
	f, err := os.CreateTemp(t.TempDir(), "notatty")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := KeyMode(f); err == nil {
		t.Error("KeyMode on a file should fail")
	}
}
