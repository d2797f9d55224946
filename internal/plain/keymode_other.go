//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package plain

import "errors"

// errNoKeyMode is returned where the terminal cannot be put in key mode;
// plain mode then reads lines, which works everywhere.
var errNoKeyMode = errors.New("single-key input is not available on this system; type each key and press enter")

func keyMode(int) (func() error, error) { return nil, errNoKeyMode }
