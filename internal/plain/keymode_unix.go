//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package plain

import (
	"fmt"

	"golang.org/x/sys/unix"
)

func keyMode(fd int) (func() error, error) {
	old, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		return nil, fmt.Errorf("the input is not a terminal that can take single keys (%v); type each key and press enter", err)
	}
	t := *old
	t.Lflag &^= unix.ICANON | unix.ECHO
	t.Cc[unix.VMIN] = 1
	t.Cc[unix.VTIME] = 0
	if err := unix.IoctlSetTermios(fd, ioctlSetTermios, &t); err != nil {
		return nil, fmt.Errorf("the terminal refused single-key input (%v); type each key and press enter", err)
	}
	return func() error { return unix.IoctlSetTermios(fd, ioctlSetTermios, old) }, nil
}
