package rules

import (
	"ili/game/hex"
)

// Class is what a unit is, for its counter symbol and a few rules.
type Class uint8

// Unit classes.
const (
	Infantry Class = iota
	Cavalry
	Artillery
	Motorised
	Headquarters
	Militia
	Aircraft
	NumClass
)

var classNames = [NumClass]string{"infantry", "cavalry", "artillery", "motorised", "headquarters", "militia", "aircraft"}

// String returns the class name as the unit catalogue writes it.
func (c Class) String() string {
	if c < NumClass {
		return classNames[c]
	}
	return "class?"
}

// ParseClass returns the class with the given name.
func ParseClass(name string) (Class, bool) {
	for i, n := range classNames {
		if n == name {
			return Class(i), true
		}
	}
	return 0, false
}

// Mode is a way of moving (foot, horse, motor) with its speed in km per day
// on each terrain, on roads and on tracks. A speed of 0 means the mode cannot
// enter that terrain off a road.
type Mode struct {
	ID    string
	Road  int
	Track int
	Speed [NumTerrain]int
	// CrossMajor reports whether the mode can cross a major river without a bridge.
	CrossMajor bool
}

// UnitType is an entry of the unit-type catalogue (scenarios/units.toml).
type UnitType struct {
	ID    string
	Name  string
	Class Class
	Mode  *Mode
	// ObserveKm is how far the unit sees on open ground.
	ObserveKm float64
	// SupplyDays is how long the unit fights on from what it carries.
	SupplyDays int
	// ZOC reports whether the unit exerts a zone of control.
	ZOC bool
	// RangeKm is how far an aircraft unit supports a fight from its base.
	RangeKm float64
	// Source is the key of the catalogue's source for its speeds.
	Source string
}

// Status is where a unit is in the game's life.
type Status uint8

// Unit statuses.
const (
	Pending    Status = iota // a reinforcement not yet arrived
	Active                   // on the map
	Withdrawn                // left the map by order of the scenario
	Eliminated               // destroyed, dispersed or surrendered
)

var statusNames = [...]string{"pending", "active", "withdrawn", "eliminated"}

func (s Status) String() string { return statusNames[s] }

// Posture is how well a unit has dug in; it is also the defender's posture in combat.
type Posture uint8

// Postures, weakest first. Delaying is a defence that trades ground for time.
const (
	Hasty Posture = iota
	Prepared
	Fortified
	Delaying
)

var postureNames = [...]string{"hasty", "prepared", "fortified", "delaying"}

func (p Posture) String() string {
	if int(p) < len(postureNames) {
		return postureNames[p]
	}
	return "posture?"
}

// ParsePosture returns the posture with the given name.
func ParsePosture(name string) (Posture, bool) {
	for i, n := range postureNames {
		if n == name {
			return Posture(i), true
		}
	}
	return 0, false
}

// Hours of digging needed for each posture (a day's work for field works, four
// for a fortified line), after TNDM's posture definitions.
const (
	PreparedHours  = 24
	FortifiedHours = 96
)

// Unit is one counter: a formation with real quantities. A Unit holds no
// pointers that a game changes, so copying the value copies the unit.
type Unit struct {
	ID        string
	Name      string
	Side      string
	Type      *UnitType
	Commander string
	Source    string
	Hex       hex.Hex
	Status    Status

	Men, Guns, MGs, Trucks, Horses, Aircraft, Armour int
	// Casualties counts men killed, wounded and missing; Captured counts men
	// taken prisoner. Men + Casualties + Captured is constant over a game.
	Casualties, Captured int

	Quality int // combat effectiveness in percent, 100 = average
	Morale  int // 0..100
	// BaseMorale is the level morale recovers to.
	BaseMorale int

	SupplyHours int // supply on hand
	InSupply    bool

	DigHours   int // hours spent digging in at this hex
	Disordered bool
	// BattleHours is how long the unit has been fighting where it stands
	// without a pause of a whole turn; BattleTurn is the last turn it fought.
	BattleHours, BattleTurn int

	// Spent is the movement used this phase, in march minutes.
	Spent    int
	Attacked bool

	ArriveTurn   int // 0: on the map from the start
	WithdrawTurn int // 0: never
	// ExitVP is what the unit earned its side by leaving the map at an exit.
	ExitVP int
}

// Posture returns the unit's defensive posture: what it dug plus what the hex has.
func (u *Unit) Posture(m *Map) Posture {
	p := Hasty
	switch {
	case u.DigHours >= FortifiedHours:
		p = Fortified
	case u.DigHours >= PreparedHours:
		p = Prepared
	}
	if f := m.FortAt(u.Hex); f > p && f != Delaying {
		p = f
	}
	return p
}

// OnMap reports whether the unit is in play on the map.
func (u *Unit) OnMap() bool { return u.Status == Active }

// Strength is the men a unit started with: Men + Casualties + Captured.
func (u *Unit) Strength() int { return u.Men + u.Casualties + u.Captured }
