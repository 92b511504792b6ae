package scenario

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// nested returns a document of about size bytes whose one value opens
// brackets (or inline tables) until the size is reached.
func nested(size int, inline bool) []byte {
	open := "["
	if inline {
		open = "{a="
	}
	return []byte("a = " + strings.Repeat(open, size/len(open)))
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDeepNestingRejected feeds a megabyte of nested arrays, and of nested
// inline tables, to Parse: each must be refused at the bracket that goes past
// MaxDepth, before the TOML parser, whose memory grows with the square of the
// depth, sees it; in well under 100 MB.
func TestDeepNestingRejected(t *testing.T) {
	if _, err := DefaultCatalogue(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		inline bool
		col    int
	}{
		{"arrays", false, 5 + MaxDepth},             // a = [ then a [ a level, from level 2 at column 6
		{"inline tables", true, 3 * (MaxDepth + 1)}, // a = { then a={ a level, from level 2 at column 6
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := nested(1_000_000, tt.inline) // a megabyte, within MaxSize
			var err error
			bytes := allocated(func() { _, err = Parse("deep.toml", src, Options{}) })
			var errs Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("want one error, got %v", err)
			}
			want := fmt.Sprintf("deep.toml:1:%d: this is nested more than %d levels deep", tt.col, MaxDepth)
			if !strings.HasPrefix(errs[0].Error(), want) {
				t.Errorf("got %q, want it to start %q", errs[0].Error(), want)
			}
			t.Logf("%d bytes refused with %d bytes allocated", len(src), bytes)
			if bytes > 100<<20 {
				t.Errorf("refusing it took %d MB", bytes>>20)
			}
		})
	}
}

// BenchmarkRejectNested times refusing a megabyte of nested arrays.
func BenchmarkRejectNested(b *testing.B) {
	src := nested(1<<20, false)
	if _, err := DefaultCatalogue(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("deep.toml", src, Options{}); err == nil {
			b.Fatal("a deep file loaded")
		}
	}
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("k", MaxKeyPath+1)
	tests := []struct {
		name, src, want string
	}{
		{"dotted key", "id = 1\n" + strings.Repeat("a.", MaxDepth) + "b = 1\n",
			fmt.Sprintf("t.toml:2:%d: this is nested more than %d levels deep", 2*MaxDepth+1, MaxDepth)},
		{"header", "[" + strings.Repeat("a.", MaxDepth) + "b]\n",
			fmt.Sprintf("t.toml:1:%d: this is nested", 2*MaxDepth+2)},
		{"arrays of tables", strings.Repeat("[[a]]\n", 3) + "[[a.b]]\n[a.b.c]\nd = " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth),
			fmt.Sprintf("t.toml:6:%d: this is nested", 6+MaxDepth+1-7)}, // d is 6 deep; its first element 7, at column 6
		{"long key", "[x]\n" + long + " = 1\n", fmt.Sprintf("t.toml:2:1: this key makes a name more than %d characters long", MaxKeyPath)},
		{"long quoted key", `a = { "` + long[2:] + `" = 1 }`, fmt.Sprintf("t.toml:1:7: this key makes a name more than %d", MaxKeyPath)},
		{"size", strings.Repeat("# a comment\n", MaxSize/12) + "é = 1\n",
			fmt.Sprintf("t.toml:%d:4: the file goes on past 1 MiB here", MaxSize/12+1)}, // at the last space
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.toml", []byte(tt.src), Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %v, want %q...", err, tt.want)
			}
		})
	}
}

// TestWithinLimits loads the drill with a value exactly MaxDepth deep and a
// key path exactly MaxKeyPath long (the errors are about those keys being
// unknown, not about their depth or length).
func TestWithinLimits(t *testing.T) {
	base := string(mustRead(t))
	deep := "deep = " + strings.Repeat("[", MaxDepth-1) + strings.Repeat("]", MaxDepth-1) + "\n"
	long := strings.Repeat("k", MaxKeyPath) + " = 1\n"
	_, err := Parse("drill.toml", []byte(deep+long+base), Options{})
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 2 || !strings.Contains(errs[0].Msg, `"deep" is not a known key`) || errs[1].Pos != (Pos{2, 1}) {
		t.Errorf("got %v", err)
	}
}
