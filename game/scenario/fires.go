package scenario

import "time"

// checkFires checks the date of key, d, on which something is to happen in
// the game (an event fires, a unit arrives or leaves): it must fall in one
// of the scenario's turns, from its start to before the end of its last.
// never says what would not happen otherwise: "the event would never fire".
func (b *build) checkFires(t *Table, key string, d time.Time, never string) {
	if b.sc.Start.IsZero() {
		return // start is missing or wrong, which is an error of its own
	}
	const layout = "2006-01-02 15:04"
	switch {
	case d.Before(b.sc.Start):
		t.Errorf(key, "is %s, before the scenario begins (%s); date it from then on, or take it out",
			d.Format(layout), b.sc.Start.Format(layout))
	case !d.Before(b.lastDay):
		t.Errorf(key, "is %s, at or after the end of the scenario's last turn (turn %d ends %s), so %s; date it earlier, or take it out",
			d.Format(layout), b.sc.Turns, b.lastDay.Format(layout), never)
	}
}
