package rules

// SightedBy returns the enemy units the unit sees from where it stands, as a
// move's sighting check finds them.
func (s *State) SightedBy(id string) []string {
	return s.newlySeen(s.Unit(id), map[string]bool{})
}

// Touch marks the state changed, as a command does, so that what is worked
// out from it (visibility, supply) is worked out again.
func (s *State) Touch() { s.version++ }
