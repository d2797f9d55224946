package sound

import (
	"os/exec"
	"syscall"
)

// ownGroup puts the child in its own process group, so the whole group
// can be stopped, and has the kernel kill it if supine dies first: a
// sleep inhibitor or a tone must never outlive the app.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
