package sound

import "os/exec"

// ownGroup does nothing on Windows: there are no process groups to signal.
func ownGroup(cmd *exec.Cmd) {}

// killGroup stops the child.
func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}

// termGroup stops the child; Windows has no gentler signal.
func termGroup(cmd *exec.Cmd) error { return killGroup(cmd) }
