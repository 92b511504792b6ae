package rules

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
)

// Hash returns a fingerprint of everything that can change in a game: turn,
// phase, result, the generator's state, places and every unit. Two states
// with the same hash play on identically; replays record it each turn.
func (s *State) Hash() string {
	h := fnv.New64a()
	buf := make([]byte, 0, 64)
	num := func(v int) { buf = binary.AppendVarint(buf, int64(v)) }
	str := func(v string) { buf = binary.AppendUvarint(buf, uint64(len(v))); buf = append(buf, v...) }
	flush := func() { h.Write(buf); buf = buf[:0] }
	num(s.Turn)
	num(s.Phase)
	if s.Over {
		num(1)
	} else {
		num(0)
	}
	str(s.Winner)
	rng, _ := s.pcg.MarshalBinary()
	buf = append(buf, rng...)
	flush()
	for _, p := range s.Places {
		str(p.ID)
		str(p.Owner)
	}
	for _, f := range s.Fired {
		if f {
			num(1)
		} else {
			num(0)
		}
	}
	flush()
	for i := range s.Units {
		u := &s.Units[i]
		str(u.ID)
		num(int(u.Status))
		num(u.Hex.Q)
		num(u.Hex.R)
		for _, v := range [...]int{u.Men, u.Guns, u.MGs, u.Trucks, u.Horses, u.Aircraft, u.Armour,
			u.Casualties, u.Captured, u.Quality, u.Morale, u.SupplyHours, u.DigHours, u.Spent, u.ExitVP, u.BattleHours, u.BattleTurn} {
			num(v)
		}
		for _, b := range [...]bool{u.InSupply, u.Disordered, u.Attacked} {
			if b {
				num(1)
			} else {
				num(0)
			}
		}
		flush()
	}
	return fmt.Sprintf("%016x", h.Sum64())
}
