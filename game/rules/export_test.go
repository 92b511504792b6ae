package rules

// SightedBy returns the enemy units the unit sees from where it stands, as a
// move's sighting check finds them.
func (s *State) SightedBy(id string) []string {
	return s.newlySeen(s.Unit(id), map[string]bool{})
}

// Touch throws away what is worked out from the state (visibility,
// supply), so that it is worked out again. The caches are keyed by what
// they depend on, so a state changed by hand needs no Touch; tests that
// call it check that it makes no difference.
func (s *State) Touch() { s.caches = nil }
