package scenario

import (
	"fmt"
	"strings"

	"ili/game/rules"
)

// keyDoc says what a key does, for the reference and the schema. Its
// type, whether it is required, its range and its default come from the
// decoder's own reads (see KeyRead); keyDoc adds what those cannot say.
type keyDoc struct {
	Effect string // what the key does, in a sentence or two
	// Need says when a key that is not always required must be given, as
	// the decoder decides it from other keys ("unless place is given").
	// A key with a Need is optional in the schema; Must makes a key the
	// decoder reads loosely (and checks by other means) required there.
	Need string
	Must bool
	// Default is the default in words, where it is not one constant.
	Default string
	// Type and Schema describe a value the decoder checks by its own code
	// (kindAny, kindList): how the reference names it, its JSON Schema.
	Type   string
	Schema map[string]any
	// Build makes the schema from the keys read, where it names them.
	Build func(ks *Keys) map[string]any
}

// tableDoc says what a table is, and the rules across its keys that a
// schema can state (anyOf, oneOf, dependentRequired, if/then). MinItems is
// the fewest tables of an array the decoder accepts, where it checks that.
type tableDoc struct {
	Effect   string
	Rules    map[string]any
	MinItems int
}

// impassableText names the terrain no unit can enter ("glacier and lake").
func impassableText() string {
	var names []string
	for i, name := range rules.TerrainNames() {
		if rules.Terrain(i).Info().Impassable {
			names = append(names, name)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + ", where no unit can go,"
}

// idSchema is the schema of an id the decoder checks: lower-case letters,
// digits and hyphens.
func idSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": idPattern.String()}
}

// terrainList is the terrain names, for the texts that list them.
func terrainList() string { return strings.Join(rules.TerrainNames(), ", ") }

// hexSchema is a [col, row] pair's schema.
func hexSchema() map[string]any {
	return map[string]any{"type": "array", "items": map[string]any{"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
}

// hexesSchema is a list of [col, row] pairs.
func hexesSchema() map[string]any { return map[string]any{"type": "array", "items": hexSchema()} }

// sourceDocs are the keys of a [[source]], in a scenario or the catalogue.
var sourceDocs = map[string]keyDoc{
	"format":        {Effect: fmt.Sprintf("The version of the file's format. A missing format counts as 1; a file of a newer format than this ili reads (%d) is refused with one sentence that says to update ili.", Format)},
	"source.key":    {Effect: "The short name other keys' `source` give to cite this work (\"PRCe\", \"FM101-10\"); unique in the file."},
	"source.author": {Effect: "Who wrote it, as a reader finds it in a library catalogue; \"The game's designers\" for an estimate of ours. An author ending in \" in\" (\"X, as quoted in\") runs on into the title when cited."},
	"source.title":  {Effect: "Its title."},
	"source.year":   {Effect: "The year it appeared: a whole number, or a string such as \"undated\" or \"c. 1950\".", Need: "a year or a url (or both)"},
	"source.url":    {Effect: "Where to read it.", Need: "a year or a url (or both)"},
	"source.note":   {Effect: "What it says that the scenario uses, page numbers, and how far to trust it; shown in the encyclopedia."},
}

var sourceTables = map[string]tableDoc{
	"": {},
	"source": {Effect: "A work that figures come from. Every strength, narration and step of the record names one by its key.",
		Rules: map[string]any{"anyOf": []any{req("year"), req("url")}}},
}

// req is a schema that requires the given keys.
func req(keys ...string) map[string]any {
	list := make([]any, len(keys))
	for i, k := range keys {
		list[i] = k
	}
	return map[string]any{"required": list}
}

// withSources adds the [[source]] keys to a table of key docs.
func withSources[T any](docs map[string]T, shared map[string]T) map[string]T {
	for k, v := range shared {
		docs[k] = v
	}
	return docs
}

// scenarioDocs describes every key of a scenario file.
func scenarioDocs() map[string]keyDoc {
	return withSources(withSources(map[string]keyDoc{
		"id":          {Effect: "The scenario's id: lower-case letters, digits and hyphens (`nilka-1944`); a bundled scenario's file is named after it, and `ili play ID` finds it.", Type: "id", Schema: idSchema()},
		"title":       {Effect: "The title, as the list, the set-up screen and the debrief show it."},
		"description": {Effect: "What the battle was and what the sources disagree on, shown when a player picks it."},
		"start":       {Effect: "When turn 1 begins: a local date-time in Xinjiang such as 1944-10-05T06:00:00 (no offset from UTC). Every other date of the file must fall from start to the end of the last turn."},
		"turns":       {Effect: "How many turns the game lasts. At the end of the last turn the side with the most victory points wins; a tie is a draw."},
		"turn_hours":  {Effect: "How many hours a turn stands for (6 to 72 is usual). Movement, supply and losses are all reckoned in hours, so the same units play the same at any turn length."},
		"hex_km":      {Effect: "The distance from one hex's centre to the next, in km (0.3 to 1 for a city fight, 10 to 25 for a region)."},
		"fog":         {Effect: "Whether each side sees only what its units and places observe (true), or everything (false)."},
		"supply_mode": {Effect: "The catalogue's movement mode supply lines are traced in (a [[mode]] id of scenarios/units.toml).", Default: `"foot"`},

		"projection.origin_lat":   {Effect: "Latitude of the centre of hex column 0, row 0, in degrees north."},
		"projection.origin_lon":   {Effect: "Longitude of that centre, in degrees east."},
		"projection.standard_lat": {Effect: "The latitude at which east-west distances are true to scale; 0 takes origin_lat. Put it in the middle of a tall map."},

		"map.width":  {Effect: "Columns of hexes."},
		"map.height": {Effect: "Rows of hexes."},
		"map.rows": {Effect: "One string a row, top row first, one character a hex from the legend; odd rows are shifted half a hex right.", Must: true,
			Type: "list of strings", Schema: map[string]any{"type": "array", "items": map[string]any{"type": "string"}}},
		"map.legend.*": {Effect: "A map character (the key, quoted: `\"~\" = \"lake\"`) and the terrain it stands for, one of " + terrainList() + ". The legend adds to the default one (" + defaultLegendText() + ") and overrides it where they share a character.",
			Type: "terrain name", Schema: map[string]any{"enum": anyList(rules.TerrainNames())}},
		"map.river.name": {Effect: "Its name, as the game calls it where it describes the ground."},
		"map.river.size": {Effect: "A minor river slows crossings and helps a defender behind it; a major one also stops trucks and modes that cannot cross major rivers, except at a bridge (a road across the edge)."},
		"map.river.edges": {Effect: "The hex edges the river runs along, each as the two neighbouring hexes it parts: [col,row, col,row].",
			Type: "list of [col,row, col,row]", Schema: map[string]any{"type": "array", "items": map[string]any{"type": "array", "items": map[string]any{"type": "integer", "minimum": 0}, "minItems": 4, "maxItems": 4}}},
		"map.road.kind":    {Effect: "A road (the mode's road speed; a bridge where it crosses a river) or a track (the mode's track speed). Where two cross, the better kind stands."},
		"map.road.name":    {Effect: "Its name, as the game calls it where it describes the ground."},
		"map.road.path":    {Effect: "The hexes it runs through, each next to the one before: [[col,row], ...].", Type: "list of [col, row]", Schema: hexesSchema()},
		"map.fort.name":    {Effect: "Their name, as the game calls them where it describes the ground."},
		"map.fort.posture": {Effect: fmt.Sprintf("How strong the built defences are: a unit in one of these hexes defends at least prepared (as if dug in %d hours) or fortified (%d hours), whatever it dug itself.", rules.PreparedHours, rules.FortifiedHours)},
		"map.fort.hexes":   {Effect: "The hexes the defences cover.", Type: "list of [col, row]", Schema: hexesSchema()},

		"side.id":                 {Effect: "The side's id: lower-case letters, digits and hyphens. Units, places and the record name it.", Type: "id", Schema: idSchema()},
		"side.name":               {Effect: "The side's name, as the sources name it."},
		"side.briefing":           {Effect: "The side's view of the situation and its orders, shown before play."},
		"side.supply_reach_hours": {Effect: "How many hours of march (in the scenario's supply_mode) a supply line may run from one of the side's supply sources to a unit. A unit off the line eats into its own supply; once that is gone its morale falls each turn."},
		"side.surprise":           {Effect: "The surprise the side's attacks achieve at the opening: it raises the attacker's power and the shock of the outcome, more for each level."},
		"side.surprise_until":     {Effect: "The date whose turn is the last one the side attacks with surprise.", Need: "when surprise is minor, substantial or complete"},
		"side.color":              {Effect: "Accepted and not used: the game's palette colours the sides."},

		"place.id":         {Effect: "The place's id; units, events, the plan and the record name it."},
		"place.name":       {Effect: "The name shown on the map, with other names in brackets where the sources use them (\"Nilka (Gongha)\")."},
		"place.kind":       {Effect: "What it is (town, city, pass, bridge, border, airfield...), as the game names it where it describes the place."},
		"place.source":     {Effect: "The [[source]] that locates it or gives its importance."},
		"place.note":       {Effect: "A note on the place, shown where the game describes it."},
		"place.lat":        {Effect: "Latitude in degrees north. With [projection], lat and lon place it on the map: hex may then be left out, and if it is given it must be at most one hex from where they put it.", Need: "with lon"},
		"place.lon":        {Effect: "Longitude in degrees east (see lat).", Need: "with lat"},
		"place.hex":        {Effect: "Its hex, [col, row].", Need: "unless lat and lon are given and the scenario has [projection]"},
		"place.vp":         {Effect: "Victory points to the side that holds it at the end."},
		"place.owner":      {Effect: "The side that holds it at the start (left out: nobody). A unit that enters it takes it."},
		"place.supply":     {Effect: "Whether it is a supply source for the side that holds it (a depot, a city, a border crossing): supply lines start here."},
		"place.observe_km": {Effect: "How far its holder sees from it, in km (a watchtower, a garrison's patrols); 0: the neighbouring hexes only."},
		"place.exit":       {Effect: "A side whose units may leave the map here, as at the end of a withdrawal route. A unit of that side that enters the place leaves the game and earns the side exit_vp points for each 1,000 men."},
		"place.exit_vp":    {Effect: "Victory points for each 1,000 men of the exit's side who leave the map here (rounded down for each unit).", Need: "when exit is given"},

		"weather.from": {Effect: "The date from whose turn the weather holds, until the next [[weather]]. List the spells in date order; before the first it is clear."},
		"weather.kind": {Effect: "The weather, which changes the attacker's combat power in every fight while it holds (each kind has its factor in the combat model)."},

		"unit.id":        {Effect: "The unit's id: lower-case letters, digits and hyphens, unique in the scenario.", Type: "id", Schema: idSchema()},
		"unit.name":      {Effect: "The name the sources give the formation."},
		"unit.side":      {Effect: "The [[side]] it fights for."},
		"unit.type":      {Effect: "Its type in the unit catalogue (scenarios/units.toml): how it moves, sees and carries supply."},
		"unit.commander": {Effect: "Its commander's name, shown in the panel and linked to the encyclopedia."},
		"unit.source":    {Effect: "The [[source]] its strength comes from; where sources disagree, the other figure belongs in a variant that says whose it is."},
		"unit.note":      {Effect: "A note on the unit's figures (whose estimate, what it counts), for the reader of the file."},
		"unit.men":       {Effect: "Men under arms at the start."},
		"unit.guns":      {Effect: "Artillery pieces and mortars."},
		"unit.mgs":       {Effect: "Machine guns."},
		"unit.trucks":    {Effect: "Motor vehicles."},
		"unit.horses":    {Effect: "Horses (about one a man for cavalry).", Need: "for a unit whose type's class is cavalry, when it has men"},
		"unit.aircraft":  {Effect: "Aircraft; an air unit supports fights within its type's range_km.", Need: "for a unit whose type's class is aircraft"},
		"unit.armour":    {Effect: "Armoured cars and tanks."},
		"unit.quality":   {Effect: "Combat effectiveness in percent: 100 is average, about 50 poor militia, 130 good regulars. It multiplies the power of the unit's men and weapons."},
		"unit.morale":    {Effect: "Morale from 0 to 100, the level it recovers to while in supply. It falls each turn a unit is out of supply and out of what it carries, and with events; it adds to combat power, and a defender below 50 beaten hard may surrender."},
		"unit.dug_hours": {Effect: fmt.Sprintf("Hours the unit has already dug in where it starts: %d or more is a prepared defence, %d or more fortified.", rules.PreparedHours, rules.FortifiedHours)},
		"unit.supply_days": {Effect: "Days of supply it carries at the start; off the supply net it uses a turn's worth each turn, and back on the net it refills to its type's supply_days.",
			Default: "the type's supply_days"},
		"unit.place":    {Effect: "Where it starts (or arrives): a place's id.", Need: "unless hex is given; give one or the other"},
		"unit.hex":      {Effect: "Where it starts (or arrives): [col, row], on ground a unit can stand on.", Need: "unless place is given; give one or the other"},
		"unit.arrive":   {Effect: "A reinforcement: the date whose turn it arrives on at its hex or place. A date at the start puts it on the map from the start."},
		"unit.withdraw": {Effect: "The date whose turn it leaves the map by order of the scenario (it does not count as lost); after arrive if both are given."},

		"event.id":          {Effect: "The event's id; a variant's remove_events names it."},
		"event.title":       {Effect: "The headline shown when it fires."},
		"event.text":        {Effect: "The narration, with whose account it is where the sources disagree."},
		"event.source":      {Effect: "The [[source]] the narration comes from."},
		"event.date":        {Effect: "Fires at the start of this date's turn.", Need: "a date or captured (or both)"},
		"event.captured":    {Effect: "Fires when this place falls.", Need: "a date or captured (or both)"},
		"event.by":          {Effect: "With captured: fires only when this side takes the place."},
		"event.morale_side": {Effect: "The side whose units' morale changes when it fires."},
		"event.morale":      {Effect: "How much the morale of morale_side's units changes when it fires."},

		"victory.casualty_vp":       {Effect: "Victory points a side earns for each 1,000 enemy men lost (killed, wounded, missing or captured), counted with the places' points whenever points decide the game; 0: losses earn nothing."},
		"victory.sudden_death.side": {Effect: "The side that wins at once by holding every place in hold at the end of a turn."},
		"victory.sudden_death.hold": {Effect: "The ids of the places it must hold, at least one.", Must: true, Type: "list of place ids", Schema: map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "minItems": 1}},
		"victory.sudden_death.from": {Effect: "The date from whose turn on the sudden death counts.", Default: "the first turn"},

		"plan.side":  {Effect: "The side whose plan it is."},
		"plan.place": {Effect: "The place the side was trying to reach, take or hold (or leave the map by, at an exit)."},
		"plan.from":  {Effect: "The date from whose turn the step is in force.", Default: "the first turn"},
		"plan.until": {Effect: "The date whose turn is the last the step is in force.", Default: "to the end"},
		"plan.value": {Effect: "How much the place matters to the AI while the step is in force, on the scale of victory points (per 1,000 men at an exit)."},
		"plan.note":  {Effect: "Where the plan comes from, for the reader of the file."},

		"history.summary":  {Effect: "What happened, for the result screen and the debrief."},
		"history.epilogue": {Effect: "What came after, told at the end of a game."},
		"history.source":   {Effect: "The [[source]] for the outcome."},
		"history.winner":   {Effect: "The side that won in history, or \"draw\". A finished game is \"as in history\" when its winner is this side (no winner for a draw) and, if [history.holds] lists places, at least half of them are held at the end by the side it names."},
		"history.holds.*":  {Effect: "A place's id (the key) and the side that held it at the end in history (\"\" for nobody), for judging a game \"as in history\" and for the result screen.", Type: "side id", Schema: map[string]any{"type": "string"}},

		"history.checkpoint.place":   {Effect: "The place the record speaks of."},
		"history.checkpoint.held_by": {Effect: "The side that held it then, or \"\" for nobody. Batches report how often games agree, and the result screen sets each checkpoint beside the game."},
		"history.checkpoint.source":  {Effect: "The [[source]] that says so."},
		"history.checkpoint.note":    {Effect: "A note on the checkpoint, for the reader of the file."},
		"history.checkpoint.on":      {Effect: "The date, judged at the start of its turn; left out, the end of the game.", Default: "the end"},

		"history.step.on":            {Effect: "The date; the step falls in that date's turn. Steps are replayed in date order."},
		"history.step.title":         {Effect: "A headline for the step."},
		"history.step.text":          {Effect: "What happened, with whose account it is."},
		"history.step.source":        {Effect: "The [[source]] of the step."},
		"history.step.move.unit":     {Effect: "The main body (a unit's id) the step moves."},
		"history.step.move.leave":    {Effect: "true: it leaves the map (it withdrew, dispersed or surrendered)."},
		"history.step.move.place":    {Effect: "Where the record puts it after the step: a place's id.", Need: "one of place, hex or leave"},
		"history.step.move.hex":      {Effect: "Where the record puts it after the step: [col, row].", Need: "one of place, hex or leave"},
		"history.step.move.men":      {Effect: "Its strength after the step, where the step's source gives it; taking command at a later date starts it so.", Default: "as it was"},
		"history.step.capture.place": {Effect: "A place that changes hands at the step."},
		"history.step.capture.by":    {Effect: "The side that takes it, or \"\" for nobody."},

		"history.loss.side":   {Effect: "The side that lost them."},
		"history.loss.men":    {Effect: "How many, where the source gives a number; left out where it gives none.", Default: "no number"},
		"history.loss.counts": {Effect: "What the figure counts (\"killed\", \"soldiers interned with the garrison\")."},
		"history.loss.source": {Effect: "Whose figure it is."},
		"history.loss.note":   {Effect: "A note on the figure."},

		"variant.id":            {Effect: "The variant's id, for `--variant ID`."},
		"variant.title":         {Effect: "Its title, as the set-up screen lists it."},
		"variant.description":   {Effect: "What it changes and whose figure or claim it follows."},
		"variant.source":        {Effect: "The [[source]] of its figures."},
		"variant.remove":        {Effect: "Ids of units it removes.", Type: "list of unit ids", Schema: stringsSchema()},
		"variant.remove_events": {Effect: "Ids of events it removes.", Type: "list of event ids", Schema: stringsSchema()},
		"variant.add": {Effect: "Units it adds, each a table with the keys of [[unit]] (`[[variant.add]]`).", Type: "array of [[unit]] tables",
			Schema: map[string]any{"type": "array", "items": map[string]any{"$ref": "#/properties/unit/items"}}},
		"variant.change": {Effect: "Changes, each a table (`[[variant.change]]`) that names one unit, event, place or side by its id (`unit = \"ili-1\"`) and gives the keys of that table it changes (`men = 900`, `arrive = ...`; a unit's `place` moves it there).",
			Type: "array of tables", Build: changeSchema},
		"variant.set": {Effect: "Top-level keys it sets, as the file writes them (`set = { turns = 6, start = 1944-10-03T06:00:00 }`).", Type: "table of top-level keys",
			Build: setSchema},
	}, orderDocs), sourceDocs) // orders.go
}

// scenarioTables describes the tables of a scenario file.
func scenarioTables() map[string]tableDoc {
	return withSources(withSources(map[string]tableDoc{
		"projection": {Effect: "Where the map lies on the earth, so that places can be given by latitude and longitude. An equirectangular projection about the centre of hex 0,0."},
		"map":        {Effect: "The ground: its size, one row of characters for each row of hexes, and the rivers, roads and defences."},
		"map.legend": {Effect: "Map characters and the terrain each stands for, beyond the default legend (" + defaultLegendText() + ")."},
		"map.river":  {Effect: "A river along hex edges."},
		"map.road":   {Effect: "A road or track through neighbouring hexes."},
		"map.fort":   {Effect: "Built defences on a list of hexes."},
		"side":       {Effect: "A party to the fight; a scenario has at least two.", MinItems: 2},
		"place": {Effect: "A named location: a town, a pass, a depot, an exit. Places carry the victory points, the supply sources and the exits.",
			Rules: map[string]any{"anyOf": []any{req("hex"), req("lat", "lon")}, "dependentRequired": map[string]any{"lat": []any{"lon"}, "lon": []any{"lat"}, "exit": []any{"exit_vp"}}}},
		"weather": {Effect: "A spell of weather from a date on."},
		"unit": {Effect: "A formation with its real strength and the source of it. On a cavalry unit `horses` is required; on an air unit `aircraft`.",
			Rules: map[string]any{"oneOf": []any{req("hex"), req("place")}}},
		"event": {Effect: "Narration tied to a date or to a place's capture, with its source.",
			Rules: map[string]any{"anyOf": []any{req("date"), req("captured")}}},
		"victory":              {Effect: "Victory conditions beyond the places' points: the points casualties earn and the sudden deaths. At the turn limit, or when a side has nothing left, the side with the most points wins; a tie is a draw."},
		"victory.sudden_death": {Effect: "A side that holds every one of some places at the end of a turn wins at once."},
		"plan":                 {Effect: "One step of a side's historical plan: a place the side tried to reach, take or hold between two dates. The AI follows it with `ili sim --plan` before its own choices."},
		"history":              {Effect: "What happened: the historical winner, for comparing a game with the record, and the course of events."},
		"history.holds":        {Effect: "Who held which place at the end in history."},
		"history.checkpoint":   {Effect: "The course of events: who held a place on a date, by the record."},
		"history.step":         {Effect: "The course of events as history mode replays it: one dated step, with where the main bodies stood after it and the places that changed hands."},
		"history.step.move": {Effect: "Where the record puts a main body after the step.",
			Rules: map[string]any{"anyOf": []any{req("place"), req("hex"), req("leave")}}},
		"history.step.capture": {Effect: "A place that changes hands at the step."},
		"history.loss":         {Effect: "What a source says a side lost, for the debrief."},
		"variant":              {Effect: "A what-if overlay that `--variant ID` applies before the game: removes, adds and changes units, events, places and sides, and sets top-level keys, in that order. Where sources disagree on a figure, the scenario uses one and offers the other as a variant that says whose figure it is."},
	}, orderTables), sourceTables) // orders.go
}

// catalogueDocs describes every key of the unit catalogue.
func catalogueDocs() map[string]keyDoc {
	return withSources(map[string]keyDoc{
		"mode.id":                 {Effect: "The mode's id, which unit types and a scenario's supply_mode name (foot, horse, motor)."},
		"mode.road":               {Effect: "Speed on a road, in km a day, whatever the ground."},
		"mode.track":              {Effect: "Speed on a track, in km a day."},
		"mode.cross_major_rivers": {Effect: "Whether the mode crosses a major river without a bridge."},
		"mode.source":             {Effect: "The [[source]] of its speeds."},
		"mode.speed.*":            {Effect: "Speed off roads on {key}, in km a day; 0: it cannot enter {key} off a road."},
		"type.id":                 {Effect: "The type's id, which a scenario's units name in `type`."},
		"type.name":               {Effect: "Its name, as the panel and the encyclopedia show it."},
		"type.class": {Effect: "Its class, which sets its NATO symbol and what the rules allow it (cavalry needs horses, aircraft fly and need aircraft).",
			Type: "one of " + quoted(classNames()), Schema: map[string]any{"enum": anyList(classNames())}},
		"type.mode":        {Effect: "The [[mode]] it moves in.", Need: "unless class is aircraft"},
		"type.observe_km":  {Effect: "How far it sees on open ground, in km (at least one hex)."},
		"type.supply_days": {Effect: "Days of supply it carries and refills to on the supply net: how long it fights on cut off before its morale starts to fall."},
		"type.zoc":         {Effect: "Whether it exerts a zone of control: enemy units stop on entering a hex next to it, and supply lines cannot pass.", Default: "true, false for aircraft"},
		"type.range_km":    {Effect: "How far an air unit supports a fight from its base, in km."},
		"type.source":      {Effect: "The [[source]] of its figures."},
	}, sourceDocs)
}

// catalogueTables describes the tables of the unit catalogue.
func catalogueTables() map[string]tableDoc {
	return withSources(map[string]tableDoc{
		"mode":       {Effect: "A way of moving with its speed in km a day on each terrain, on roads and on tracks; the engine turns the speeds into movement for any scenario's hex size and turn length."},
		"mode.speed": {Effect: "Speed off roads on each terrain a unit can enter, in km a day; " + impassableText() + " may be given only as 0."},
		"type": {Effect: "A unit type that scenarios build their orders of battle from.",
			Rules: map[string]any{"if": map[string]any{"properties": map[string]any{"class": map[string]any{"const": "aircraft"}}}, "else": req("mode")}},
	}, sourceTables)
}

// classNames are the unit classes a type may have, as the catalogue's
// decoder names them.
func classNames() []string {
	out := make([]string, rules.NumClass)
	for i := range out {
		out[i] = rules.Class(i).String()
	}
	return out
}

// defaultLegendText is the default legend as the reference gives it.
func defaultLegendText() string {
	var parts []string
	for _, name := range rules.TerrainNames() {
		for ch, n := range defaultLegend {
			if n == name {
				parts = append(parts, fmt.Sprintf("`%s` %s", ch, name))
			}
		}
	}
	return strings.Join(parts, ", ")
}

func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func anyList(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

func stringsSchema() map[string]any {
	return map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
}
