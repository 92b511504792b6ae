package history

import (
	"testing"

	"ili/game/scenario"
)

// TestCourseBearsOutCheckpoints: in every bundled scenario, replaying the
// record's steps gives, at each checkpoint's date, the holder the
// checkpoint names.
func TestCourseBearsOutCheckpoints(t *testing.T) {
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := New(sc)
		for _, m := range c.Check() {
			t.Errorf("%s: %s", id, m)
		}
		if c.Turns() != sc.Turns {
			t.Errorf("%s: the course has %d turns, the scenario %d", id, c.Turns(), sc.Turns)
		}
	}
}
