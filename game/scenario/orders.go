package scenario

import (
	"slices"

	"ili/game/rules"
)

// The scenario's standing orders for the AI ([[order]]) and its supply by
// air ([[air_supply]]); rules/orders.go says what each does in play.

// DefaultKgPerMan is what a man needs a day from the air, when a
// [[air_supply]] does not say: the designers' figure, about a kilogram of
// food and one of ammunition, fuel and the rest.
const DefaultKgPerMan = 2

// readOrders reads every [[order]] and [[air_supply]] of the file.
func (b *build) readOrders(root *Table) {
	setup := b.sc.Setup
	for _, t := range root.Tables("order") {
		if o, ok := b.readOrder(t); ok {
			setup.Orders = append(setup.Orders, o)
		}
	}
	for _, t := range root.Tables("air_supply") {
		if a, ok := b.readAirSupply(t); ok {
			setup.AirSupplies = append(setup.AirSupplies, a)
		}
	}
}

// period reads a plan step's, an order's or an air supply's from and
// until as turns: from the first turn, until the last (0) when not given.
func (b *build) period(t *Table) (from, until int) {
	setup := b.sc.Setup
	from = 1
	if d, ok := t.Date("from", false); ok {
		b.checkDate(t, "from", d)
		from = setup.TurnOf(d)
	}
	if d, ok := t.Date("until", false); ok {
		b.checkDate(t, "until", d)
		until = setup.TurnOf(d)
		if until < from {
			t.Errorf("until", "is before from; the dates are out of order")
		}
	}
	return from, until
}

// readOrder reads one [[order]]: its side and units, its kind and what the
// kind needs, and its period.
func (b *build) readOrder(t *Table) (rules.Order, bool) {
	o := rules.Order{Side: b.sideRef(t, "side", true)}
	kinds := rules.OrderKindNames()
	k := t.Choice("kind", true, kinds...)
	if k >= 0 {
		o.Kind = rules.OrderKind(k)
	}
	units, paths := t.Strings("units")
	var known []string
	for _, u := range b.sc.Units {
		known = append(known, u.ID)
	}
	for i, id := range units {
		u := b.sc.Unit(id)
		switch {
		case u == nil && b.d.fileUnits[id]:
			// a unit a variant removed: the order goes to the others
		case u == nil:
			t.ErrorAt(paths[i], "units names %q, which no [[unit]] defines%s", id, DidYouMean(id, known))
		case o.Side != "" && u.Side != o.Side:
			t.ErrorAt(paths[i], "units names %s, a unit of %s, not of %s; an order goes to one side's units", id, u.Side, o.Side)
		case slices.Contains(o.Units, id):
			t.ErrorAt(paths[i], "units names %s twice", id)
		default:
			o.Units = append(o.Units, id)
		}
	}
	slices.Sort(o.Units)
	o.Place = t.Str("place", false)
	if o.Place != "" {
		if _, ok := b.places[o.Place]; !ok {
			t.Errorf("place", "names %q, which no [[place]] defines%s", o.Place, DidYouMean(o.Place, sortedKeys(b.places)))
		}
		if t.Has("hex") {
			t.Get("hex", false)
			t.Errorf("hex", "is given with place; give one or the other")
		}
	} else if t.Has("hex") {
		o.At, o.HasAt = b.hexRef(t, "hex", false)
		if o.HasAt && b.m != nil && !b.m.Passable(o.At) {
			t.Errorf("hex", "is on %s, where no unit can stand", b.m.At(o.At))
		}
	}
	where := o.Place != "" || t.Has("hex")
	radius := t.Number("radius_km", false, 0, 0, 500)
	o.RadiusM = int(radius*1000 + 0.5)
	for i, e := range t.list("line", "hexes such as [[3, 4], [3, 5]]") {
		path := index(t.KeyPath("line"), i)
		if v, ok := b.d.intList(path, t.What+": line's hex", e, 2); ok {
			if h, ok := b.hexAt(path, t.What, "line", v[0], v[1]); ok {
				if b.m != nil && !b.m.Passable(h) {
					t.ErrorAt(path, "line holds %d,%d, on %s, where no unit can stand", v[0], v[1], b.m.At(h))
				}
				o.Line = append(o.Line, h)
			}
		}
	}
	switch o.Kind {
	case rules.OrderHold:
		if t.Has("line") {
			t.Errorf("line", "is for an order of kind line; a hold takes a place or hex (or neither: where each unit stands)")
		}
	case rules.OrderLine:
		if !t.Has("line") {
			t.Errorf("", "is of kind line and has no line; give line = [[col, row], ...], the hexes to hold")
		}
		if where || t.Has("radius_km") {
			t.Errorf("", "is of kind line, which holds its line's hexes; leave out place, hex and radius_km")
		}
	case rules.OrderReinforce:
		if !where {
			t.Errorf("", "is of kind reinforce and names no place or hex; give the place to march to and hold")
		}
		if t.Has("line") || t.Has("radius_km") {
			t.Errorf("", "is of kind reinforce, which goes to one place; leave out line and radius_km")
		}
	case rules.OrderPlan:
		if where || t.Has("line") || t.Has("radius_km") || t.Has("units") {
			t.Errorf("", "is of kind plan, which the side's whole AI follows by its [[plan]] steps; leave out units, place, hex, line and radius_km")
		}
	}
	o.FromTurn, o.UntilTurn = b.period(t)
	t.Text("note", false)
	t.Done()
	// An order whose units a variant removed, every one, is no order for
	// the whole side: it is dropped.
	gone := len(units) > 0 && len(o.Units) == 0
	return o, o.Side != "" && k >= 0 && !gone
}

// readAirSupply reads one [[air_supply]]: the side, the place the loads
// come to, the tonnage a day and what a man needs, how far they reach, the
// period and the source of the figure.
func (b *build) readAirSupply(t *Table) (rules.AirSupply, bool) {
	a := rules.AirSupply{Side: b.sideRef(t, "side", true), Place: t.Str("place", true)}
	t.Name("air supply", a.Place)
	if a.Place != "" {
		if _, ok := b.places[a.Place]; !ok {
			t.Errorf("place", "names %q, which no [[place]] defines%s", a.Place, DidYouMean(a.Place, sortedKeys(b.places)))
		}
	}
	tons := t.Number("tons_per_day", true, 0, 0, 10000)
	a.KgPerDay = int(tons*1000 + 0.5)
	a.KgPerMan = t.Int("kg_per_man", false, DefaultKgPerMan, 1, 100)
	a.ReachM = int(t.Number("reach_km", false, 0, 0, 500)*1000 + 0.5)
	a.FromTurn, a.UntilTurn = b.period(t)
	b.sourceRef(t, "source", true)
	t.Text("note", false)
	t.Done()
	return a, a.Side != "" && a.Place != ""
}

// orderDocs describe the keys of [[order]] and [[air_supply]], for the
// reference and the schema (keydocs.go).
var orderDocs = map[string]keyDoc{
	"order.side": {Effect: "The side whose AI the order is for; a person playing the side is free to do otherwise."},
	"order.units": {Effect: "The units it is given to, by id, all of the side; left out, every unit of the side.", Default: "every unit of the side",
		Type: "list of unit ids", Schema: stringsSchema()},
	"order.kind":      {Effect: "What the units do while it is in force. hold: stay in the place or hex (marching there first) and dig in, attacking from it but never advancing out; with radius_km, stay within that distance of it; with neither place nor hex, each unit holds where it stands. line: hold the hexes of line, a unit a hex, the first hexes first. reinforce: march to the place or hex by the quickest way, with no detour for other objectives, then hold it. plan: follow the side's [[plan]] steps before the AI's own reckoning, as `ili sim --plan` does."},
	"order.place":     {Effect: "The place to hold or reinforce.", Need: "for reinforce, this or hex"},
	"order.hex":       {Effect: "The hex to hold or reinforce, [col, row], when no place is named.", Need: "for reinforce, this or place"},
	"order.radius_km": {Effect: "Makes a hold an area: the units stay within this many km of the place or hex (at least its hex), free to move and fight inside it.", Default: "0: the hex itself"},
	"order.line": {Effect: "The hexes of a line to hold, [[col, row], ...], in the order units are given them: each unit the nearest hex not yet given, two to a hex when there are more units than hexes.", Need: "for line",
		Type: "list of [col, row]", Schema: hexesSchema()},
	"order.from":  {Effect: "The date from whose turn the order is in force.", Default: "the first turn"},
	"order.until": {Effect: "The date whose turn is the last the order is in force.", Default: "to the end"},
	"order.note":  {Effect: "Where the order comes from (whose plan or account), for the reader of the file."},

	"air_supply.side":         {Effect: "The side supplied by air."},
	"air_supply.place":        {Effect: "The airfield or dropping zone the loads come to; nothing lands while the side does not hold it."},
	"air_supply.tons_per_day": {Effect: "The loads a day, in tonnes: at the start of each of the side's phases, its units within reach of the place that no supply line reaches are in supply while the day's loads cover their men (kg_per_man each): the nearest first, each unit whole while what is left covers it; the others go short, and their morale falls once what they carry is gone."},
	"air_supply.kg_per_man":   {Effect: "What a man needs a day from the air, in kg.", Default: "2 (the designers' figure: about a kilogram of food and one of ammunition, fuel and the rest)"},
	"air_supply.reach_km":     {Effect: "How far from the place the loads reach a unit, in km.", Default: "0: the place's hex and those next to it"},
	"air_supply.from":         {Effect: "The date from whose turn the loads come.", Default: "the first turn"},
	"air_supply.until":        {Effect: "The date whose turn is the last the loads come.", Default: "to the end"},
	"air_supply.source":       {Effect: "The [[source]] of the tonnage (the designers' estimate where no source gives it)."},
	"air_supply.note":         {Effect: "A note on the figures, for the reader of the file."},
}

// orderTables describe the [[order]] and [[air_supply]] tables.
var orderTables = map[string]tableDoc{
	"order": {Effect: "A standing order for a side's AI, in the spirit of The Operational Art of War's programmed opponent: hold a place or an area, defend a line, reinforce a place, or follow the side's plan, for some units or all, between two dates. The AI follows orders before its own reckoning (at levels easy, normal and hard).",
		Rules: map[string]any{
			"not": req("place", "hex"),
			"allOf": []any{
				map[string]any{"if": map[string]any{"properties": map[string]any{"kind": map[string]any{"const": "line"}}, "required": []any{"kind"}}, "then": req("line")},
				map[string]any{"if": map[string]any{"properties": map[string]any{"kind": map[string]any{"const": "reinforce"}}, "required": []any{"kind"}}, "then": map[string]any{"anyOf": []any{req("place"), req("hex")}}},
			},
		}},
	"air_supply": {Effect: "A supply source by air: aircraft land or drop loads at a place the side holds, so many tonnes a day, which keep the side's units near it in supply while the loads cover their men."},
}
