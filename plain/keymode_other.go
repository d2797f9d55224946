//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package plain

func keyMode(int) (func() error, error) { return nil, errNoKeyMode }
