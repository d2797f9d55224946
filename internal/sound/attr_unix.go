//go:build unix && !linux

package sound

import (
	"os/exec"
	"syscall"
)

// ownGroup puts the child in its own process group so the whole group can
// be stopped. There is no parent-death signal outside Linux; caffeinate is
// given -w with supine's pid instead.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}
