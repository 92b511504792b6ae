package scenario

// mapsIntro is the reference's section on drawing a map: ili mapgen and
// ili hex, which the decoder's keys do not say.
const mapsIntro = `## Drawing the map

` + "`ili mapgen`" + ` draws ` + "`[projection]`" + ` and ` + "`[map]`" + ` from latitude and longitude with the projection the
game uses, and prints them as TOML to paste into a scenario:

` + "```sh" + `
ili mapgen --origin 44.0,81.95 --hex-km 4 --cols 14 --rows 9 --ground plain --shapes valley.toml
` + "```" + `

` + "`--origin`" + ` is the centre of hex 0,0 (the top left), ` + "`--hex-km`" + ` the hexes' size centre to centre (the
scenario's ` + "`hex_km`" + `), ` + "`--cols`" + ` and ` + "`--rows`" + ` the map's size, ` + "`--standard-lat`" + ` the latitude where
east-west distances are true (the middle of a tall map), ` + "`--ground`" + ` the terrain of every hex no
shape paints. A shapes file (` + "`--shapes`" + `, repeatable) is TOML in decimal degrees, ` + "`[lat, lon]`" + `:

| table | keys | what it draws |
|---|---|---|
| ` + "`[[area]]`" + ` | ` + "`terrain`" + ` and one shape: ` + "`polygon = [[lat, lon], ...]`" + `, ` + "`box = [[lat, lon], [lat, lon]]`" + `, ` + "`disc = [lat, lon]`" + ` with ` + "`radius_km`" + `, ` + "`strip = [[lat, lon], ...]`" + ` with ` + "`width_km`" + `, or ` + "`point = [lat, lon]`" + ` | the terrain over every hex whose centre the shape covers, over the areas before it |
| ` + "`[[river]]`" + ` | ` + "`name`" + `, ` + "`size`" + ` (major or minor), ` + "`points`" + ` | a ` + "`[[map.river]]`" + ` along every hex edge the line crosses |
| ` + "`[[road]]`" + ` | ` + "`name`" + `, ` + "`kind`" + ` (road or track), ` + "`points`" + ` | a ` + "`[[map.road]]`" + ` along the hex line from point to point |
| ` + "`[[place]]`" + ` | ` + "`id`" + `, ` + "`at = [lat, lon]`" + ` | a comment with the hex it falls in, for the place's ` + "`hex`" + ` |

Every table may have a ` + "`note`" + `. A mistake in a shapes file is reported at its line and column, as in a
scenario; a road over ground no unit can enter, or a river that crosses no edge, is a warning
in the output. tools/mapgen/*.shapes.toml draw the bundled maps (their first lines give the
command). ` + "`ili hex LAT LON SCENARIO`" + ` says which hex a point falls in and what is there, and
` + "`ili shot SCENARIO --out map.png --no-fog --no-stories --labels all`" + ` draws the result.

`
