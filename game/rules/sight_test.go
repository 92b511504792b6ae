package rules_test

import (
	"slices"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// TestViewAndSightingsAgree puts an observer of every sighting range each
// side of a bundled scenario fields on every hex of its map, and an enemy on
// every hex in and just past that range: the enemy is sighted by a move's
// check exactly when the side's view shows its hex. One line of sight serves
// both. A map played without fog of war is checked with it.
func TestViewAndSightingsAgree(t *testing.T) {
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, sd := range sc.Setup.Sides {
			s, err := sc.NewState(1)
			if err != nil {
				t.Fatal(err)
			}
			s.Fog = true // the state's own copy of the setup
			pairs, differ := checkSightings(t, s, sd.ID)
			t.Logf("%s, %s observing: %d observer/target pairs", id, sd.ID, pairs)
			if differ > 0 {
				t.Errorf("%s, %s observing: the view and a move's sighting disagree on %d of %d observer/target pairs", id, sd.ID, differ, pairs)
			}
		}
	}
}

// checkSightings counts the observer/target pairs of s's map with side
// observing, and those on which the view and the sighting check disagree.
func checkSightings(t *testing.T, s *rules.State, side string) (pairs, differ int) {
	for i := range s.Places {
		s.Places[i].Owner = "" // no place's view: the observer's alone
	}
	var observers []*rules.Unit
	var target *rules.Unit
	ranges := map[float64]bool{}
	for i := range s.Units {
		u := &s.Units[i]
		switch {
		case u.Side == side && !ranges[u.Type.ObserveKm]:
			ranges[u.Type.ObserveKm] = true
			observers = append(observers, u)
		case u.Side != side && target == nil:
			target = u
		}
		u.Status = rules.Eliminated
	}
	target.Status = rules.Active
	for _, obs := range observers {
		obs.Status = rules.Active
		reach := int(obs.Type.ObserveKm*1000)/s.HexM + 3
		for i := range s.Map.Terrain {
			obs.Hex = s.Map.HexAt(i)
			if !s.Map.Passable(obs.Hex) {
				continue
			}
			s.Touch()
			view := s.View(side)
			for _, h := range hex.Spiral(obs.Hex, reach)[1:] {
				if !s.Map.In(h) {
					continue
				}
				target.Hex = h
				pairs++
				sighted := slices.Contains(s.SightedBy(obs.ID), target.ID)
				if sighted != view.Seen(h) {
					if differ < 3 {
						t.Logf("%s (%.0f km) at %s, enemy at %s: view %v, sighting %v", obs.ID, obs.Type.ObserveKm,
							rules.Label(obs.Hex), rules.Label(h), view.Seen(h), sighted)
					}
					differ++
				}
			}
		}
		obs.Status = rules.Eliminated
	}
	return pairs, differ
}
