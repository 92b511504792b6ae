package match

import (
	"slices"
	"strings"

	"ili/game/rules"
)

// Losses is what one side lost over a game.
type Losses struct {
	Men      int `json:"men"` // casualties and prisoners
	Captured int `json:"captured"`
	Guns     int `json:"guns"`
	MGs      int `json:"mgs"`
	Armour   int `json:"armour"`
	Aircraft int `json:"aircraft"`
}

// Capture is a place changing hands.
type Capture struct {
	Place string `json:"place"`
	Side  string `json:"side"`
	Turn  int    `json:"turn"`
}

// Hold is a place the record names: who held it at the end in history and
// who holds it in the game ("" for nobody).
type Hold struct {
	Place   string `json:"place"`
	History string `json:"history"`
	Game    string `json:"game"`
}

// Check is one checkpoint of the record's course of events beside the game:
// who held the place at the start of the checkpoint's turn, in history and
// in the game (as the game ended, when it ended before that turn).
type Check struct {
	Place   string `json:"place"`
	Turn    int    `json:"turn"`
	History string `json:"history"`
	Game    string `json:"game"`
	End     bool   `json:"end,omitempty"` // judged at the end of the game, after its last turn
}

// Result is how a game stands, or how it ended: what the result screen
// shows and the batches count.
type Result struct {
	Winner     string            `json:"winner"` // "" for a draw, or while the game goes on
	Reason     string            `json:"reason"`
	Turns      int               `json:"turns"`
	VP         map[string]int    `json:"vp"`
	Losses     map[string]Losses `json:"losses"`
	Field      map[string]int    `json:"field"` // men still on the map, by side
	Captures   []Capture         `json:"captures"`
	Holds      []Hold            `json:"holds,omitempty"` // in the order of place IDs
	Historical bool              `json:"historical"`
	// AsHistory is how far the game went as the record did: the test
	// behind Historical, part by part.
	AsHistory AsHistory `json:"as_history"`
	// Course holds the checkpoints the game has reached (all of them once
	// it is over); CourseScore is the share it holds as the record does.
	Course      []Check `json:"course,omitempty"`
	CourseScore float64 `json:"course_score,omitempty"`
	Commands    int     `json:"commands"`
	// Refused counts the AI's commands the rules refused (a fault of the
	// AI, each of which ended its phase); the record holds them.
	Refused int `json:"refused,omitempty"`
}

// Result sums the game up as it stands.
func (m *Match) Result() Result {
	s := m.state
	r := Result{Winner: s.Winner, Reason: s.Reason, Turns: s.Turn, VP: s.VP(),
		Losses: map[string]Losses{}, Field: map[string]int{}, Captures: slices.Clone(m.captures),
		Commands: len(m.rec.Commands), Refused: len(m.rec.Refused)}
	for i, u := range s.Units {
		st := m.start[i]
		l := r.Losses[u.Side]
		l.Men += u.Casualties + u.Captured
		l.Captured += u.Captured
		l.Guns += st.Guns - u.Guns
		l.MGs += st.MGs - u.MGs
		l.Armour += st.Armour - u.Armour
		l.Aircraft += st.Aircraft - u.Aircraft
		r.Losses[u.Side] = l
		if u.Status == rules.Active {
			r.Field[u.Side] += u.Men
		}
	}
	r.Holds = m.holds()
	r.Course, r.CourseScore = m.course()
	r.AsHistory = m.asHistory(r.Holds, r.Course)
	r.Historical = s.Over && r.AsHistory.Holds()
	return r
}

// HistoricalTest is the test of a finished game that went as history did,
// in words; AsHistory holds its parts and Result.Historical its verdict.
const HistoricalTest = "the record's winner won, every key place (each place the record says who held at the end) ended held as the record has it, and at least half of the record's dated checkpoints were held as the record has them on their dates"

// AsHistory sets a game beside the record, part by part: whether the
// record's winner won (no one, where the record has no clear winner), how
// many of the key places (the places the record says who held at the end)
// ended held as the record has them, and how many of the record's dated
// checkpoints the game held as the record does on their dates.
type AsHistory struct {
	Winner      bool `json:"winner"`
	Places      int  `json:"places"`      // key places held at the end as the record has them
	KeyPlaces   int  `json:"key_places"`  // of so many
	Checkpoints int  `json:"checkpoints"` // dated checkpoints held as the record has them
	Dated       int  `json:"dated"`       // of so many the game reached
}

// Holds reports whether the parts make a game that went as history did
// (HistoricalTest): the same winner, every key place, and at least half of
// the dated checkpoints.
func (a AsHistory) Holds() bool {
	return a.Winner && a.Places == a.KeyPlaces && 2*a.Checkpoints >= a.Dated
}

// asHistory sets the game beside the record: holds are the places the
// record names at the end, course the checkpoints reached; a checkpoint
// judged at the end whose place holds do not name is a key place too.
func (m *Match) asHistory(holds []Hold, course []Check) AsHistory {
	a := AsHistory{Winner: m.state.Winner == m.sc.History.Winner}
	key := map[string]bool{}
	for _, h := range holds {
		key[h.Place] = true
		a.KeyPlaces++
		if h.Game == h.History {
			a.Places++
		}
	}
	for _, c := range course {
		switch {
		case c.End && !key[c.Place]:
			key[c.Place] = true
			a.KeyPlaces++
			if c.Game == c.History {
				a.Places++
			}
		case !c.End:
			a.Dated++
			if c.Game == c.History {
				a.Checkpoints++
			}
		}
	}
	return a
}

// holds sets who holds each place the record names beside the record.
func (m *Match) holds() []Hold {
	var out []Hold
	for place, side := range m.sc.History.Holds {
		h := Hold{Place: place, History: side}
		if p := m.state.Place(place); p != nil {
			h.Game = p.Owner
		}
		out = append(out, h)
	}
	slices.SortFunc(out, func(a, b Hold) int { return strings.Compare(a.Place, b.Place) })
	return out
}

// course judges the checkpoints of the record's course of events that the
// game has reached: who held each place at the start of its turn.
func (m *Match) course() ([]Check, float64) {
	var out []Check
	agree := 0
	for _, c := range m.sc.History.Course {
		if c.Turn > m.state.Turn && !m.state.Over {
			continue
		}
		ch := Check{Place: c.Place, Turn: c.Turn, History: c.Side, Game: m.ownerBefore(c.Place, c.Turn), End: c.Turn > m.sc.Turns}
		if ch.Game == ch.History {
			agree++
		}
		out = append(out, ch)
	}
	if len(out) == 0 {
		return nil, 0
	}
	return out, float64(agree) / float64(len(out))
}

// ownerBefore is the side that held a place at the start of a turn: its
// owner at the start of the game, then each capture before that turn.
func (m *Match) ownerBefore(place string, turn int) string {
	owner := ""
	for _, p := range m.sc.Places {
		if p.ID == place {
			owner = p.Owner
		}
	}
	for _, c := range m.captures {
		if c.Place == place && c.Turn < turn {
			owner = c.Side
		}
	}
	return owner
}
