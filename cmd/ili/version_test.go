package main

import (
	"runtime"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
)

func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		code, out, _ := runCLI(arg)
		if code != cli.OK || !strings.HasPrefix(out, "ili ") || !strings.Contains(out, "("+runtime.GOOS+"/"+runtime.GOARCH+", go") {
			t.Errorf("ili %s: exit %d, %q", arg, code, out)
		}
	}
	old := cli.Version
	defer func() { cli.Version = old }()
	cli.Version = "v1.2.3"
	if _, out, _ := runCLI("--version"); !strings.HasPrefix(out, "ili v1.2.3 (") {
		t.Errorf("the stamped version is not said: %q", out)
	}
}
