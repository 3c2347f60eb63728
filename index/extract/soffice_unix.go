//go:build unix

package extract

import (
	"os/exec"
	"syscall"
)

// killGroup makes cmd run in a process group of its own that is killed
// whole when its context ends: soffice starts soffice.bin as a child.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
