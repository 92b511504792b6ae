package scenario

import (
	"errors"
	"os"
	"strings"
	"testing"

	"ili/game/rules/rulestest"
)

// FuzzLoad feeds arbitrary text to the loader: nothing may panic it, every
// failure must be Errors or a plain error, and whatever loads must play a few
// random commands without breaking an invariant.
func FuzzLoad(f *testing.F) {
	drill, err := os.ReadFile("testdata/drill.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(drill)
	f.Add([]byte(""))
	f.Add([]byte("id = 1\n[map]\nwidth = -3\n"))
	f.Add([]byte(strings.Replace(string(drill), "width = 12", "width = 1", 1)))
	f.Add([]byte(strings.Replace(string(drill), "[[unit]]", "[unit]", 1)))
	f.Fuzz(func(t *testing.T, src []byte) {
		sc, err := Parse("fuzz.toml", src, Options{})
		if err != nil {
			var errs Errors
			if errors.As(err, &errs) {
				for _, e := range errs {
					if e.Msg == "" {
						t.Fatal("an error with no message")
					}
				}
			}
			return
		}
		for _, v := range sc.Variants {
			_, _ = Parse("fuzz.toml", src, Options{Variants: []string{v.ID}})
		}
		s, err := sc.NewState(1)
		if err != nil {
			return
		}
		if _, _, err := rulestest.Play(s, 1, 300); err != nil && !strings.Contains(err.Error(), "did not end") {
			t.Fatalf("a loaded scenario broke an invariant: %v", err)
		}
	})
}
