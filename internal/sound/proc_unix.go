//go:build unix

package sound

import (
	"os/exec"
	"syscall"
)

// killGroup stops the child and everything it started (it leads its own
// process group, see ownGroup).
func killGroup(cmd *exec.Cmd) error {
	return signalGroup(cmd, syscall.SIGKILL)
}

// termGroup asks the child and everything it started to end.
func termGroup(cmd *exec.Cmd) error {
	return signalGroup(cmd, syscall.SIGTERM)
}

func signalGroup(cmd *exec.Cmd, sig syscall.Signal) error {
	if cmd.Process == nil {
		return nil
	}
	return syscall.Kill(-cmd.Process.Pid, sig)
}
