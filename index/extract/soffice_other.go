//go:build !unix

package extract

import "os/exec"

// killGroup leaves cmd as it is: CommandContext kills the process itself.
func killGroup(cmd *exec.Cmd) {}
