// Package quietstart keeps supine's start-up from opening sockets.
//
// lipgloss sets up a package-level writer for stdout while the program
// initialises (lipgloss.Writer, which supine does not use), and that runs
// colorprofile.Detect: on a terminal it reads the terminfo database, whose
// lookup of the home folder asks the password database (through glibc,
// nscd over a local socket), and under tmux it runs `tmux info`, which
// connects to the tmux server. No option turns that off, so this package
// hides TERM and TMUX while the other packages initialise and Restore puts
// them back before any of supine's own code runs.
//
// It works because of the order Go initialises packages in: in import-path
// order, each as soon as everything it imports is ready. This package
// imports only os, so it is ready as soon as os is, and it comes before
// os/exec, which colorprofile (and so lipgloss) needs. The e2e test
// TestStartOpensNoSocket fails if that ever changes.
package quietstart

import "os"

// hidden are the variables taken out of the environment, with their values.
var hidden = map[string]string{}

func init() {
	for _, k := range []string{"TERM", "TMUX"} {
		if v, ok := os.LookupEnv(k); ok {
			hidden[k] = v
			os.Unsetenv(k)
		}
	}
}

// Restore puts back what init hid. It is safe to call more than once.
func Restore() {
	for k, v := range hidden {
		os.Setenv(k, v)
	}
	clear(hidden)
}
