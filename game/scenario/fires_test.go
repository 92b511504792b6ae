package scenario

import "testing"

// TestNeverFires: an event, an arrival or a withdrawal dated at or after
// the end of the last turn, or before the start, would never happen, and is
// an error at its line; the last moment of the last turn is allowed.
func TestNeverFires(t *testing.T) {
	const end = "turn 8 ends 1945-09-05 06:00"
	tests := []struct{ name, old, new, want string }{
		{"event at the end", "date = 1945-09-03T06:00:00", "date = 1945-09-05T06:00:00",
			`drill.toml:206:1: event "rain": key "date" is 1945-09-05 06:00, at or after the end of the scenario's last turn (` + end + `), so the event would never fire; date it earlier, or take it out`},
		{"arrival at the end", "arrive = 1945-09-02T06:00:00", "arrive = 1945-09-05T06:00:00",
			`drill.toml:168:1: unit "w-trucks": key "arrive" is 1945-09-05 06:00, at or after the end of the scenario's last turn (` + end + `), so the unit would never arrive; date it earlier, or take it out`},
		{"withdrawal after the end", "withdraw = 1945-09-02T18:00:00", "withdraw = 1945-09-07T18:00:00",
			`drill.toml:201:1: unit "e-hq": key "withdraw" is 1945-09-07 18:00, at or after the end of the scenario's last turn (` + end + `), so the unit would never leave; date it earlier, or take it out`},
		{"event before the start", "date = 1945-09-03T06:00:00", "date = 1945-08-03T06:00:00",
			`drill.toml:206:1: event "rain": key "date" is 1945-08-03 06:00, before the scenario begins (1945-09-01 06:00); date it from then on, or take it out`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, parseDrill(t, tt.old, tt.new, Options{}), tt.want)
		})
	}
	src := []byte(string(mustRead(t)))
	if _, err := Parse("drill.toml", replaced(t, src, "date = 1945-09-03T06:00:00", "date = 1945-09-05T05:59:00"), Options{}); err != nil {
		t.Errorf("an event in the last minute of the last turn: %v", err)
	}
}

// TestNeverFiresAfterTurnsCut: a --set or variant that cuts the turns
// leaves an event on a turn that no longer exists, an error at the event.
func TestNeverFiresAfterTurnsCut(t *testing.T) {
	errs := parseDrill(t, "", "", Options{Set: []string{"turns=3"}})
	wantError(t, errs, `drill.toml:206:1: event "rain": key "date" is 1945-09-03 06:00, at or after the end of the scenario's last turn (turn 3 ends 1945-09-02 18:00), so the event would never fire; date it earlier, or take it out`)
}

func replaced(t *testing.T, src []byte, old, new string) []byte {
	t.Helper()
	s := string(src)
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return []byte(s[:i] + new + s[i+len(old):])
		}
	}
	t.Fatalf("no %q", old)
	return nil
}
