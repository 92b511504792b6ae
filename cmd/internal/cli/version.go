package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is the release the programs were built as. make dist stamps it:
// go build -ldflags "-X ili/cmd/internal/cli.Version=v1.0"; unstamped, the
// version line gives the commit the build came from.
var Version = ""

// VersionLine is what 'ili --version' prints: the version (or the commit,
// with "+changes" when the working tree had uncommitted changes), the
// platform and the Go release it was built with.
func VersionLine() string {
	v := Version
	if v == "" {
		v = "dev"
		if info, ok := debug.ReadBuildInfo(); ok {
			var rev, modified string
			for _, s := range info.Settings {
				switch s.Key {
				case "vcs.revision":
					rev = s.Value
				case "vcs.modified":
					modified = s.Value
				}
			}
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if rev != "" {
				v = "dev-" + rev
				if modified == "true" {
					v += "+changes"
				}
			}
		}
	}
	return fmt.Sprintf("ili %s (%s/%s, %s)", v, runtime.GOOS, runtime.GOARCH, runtime.Version())
}
