package scenario

import (
	"fmt"
	"sort"
	"strings"
)

// Suggest returns the word of known that word is most likely a misspelling
// of, or "" if none is close: one typing mistake away in a short word (a
// letter missing, added, changed, or two letters swapped), two in a word of
// up to eight letters, three in a longer one, letter case aside. Of two
// words as close, the first in known is taken.
func Suggest(word string, known []string) string {
	w := []rune(strings.ToLower(word))
	if len(w) == 0 {
		return ""
	}
	limit := 3
	switch {
	case len(w) <= 4:
		limit = 1
	case len(w) <= 8:
		limit = 2
	}
	best, bestDist := "", limit+1
	rows := make([]int, 0, 64)
	for _, k := range known {
		if k == word || k == "" {
			continue
		}
		if d := editDistance(w, []rune(strings.ToLower(k)), rows); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// DidYouMean is what an error adds about word, which is not one of known:
// `; did you mean "mgs"?` when one of known is close to it (see Suggest),
// else "".
func DidYouMean(word string, known []string) string {
	if s := Suggest(word, known); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// editDistance counts the typing mistakes between a and b: letters
// inserted, deleted or changed, and two neighbouring letters swapped, each
// one mistake (the optimal string alignment distance). Swaps count once, as
// "msg" for "mgs" is one slip, where plain Levenshtein counts two; that is
// why this is written here rather than taken from a library. buf is room
// for its rows, reused between calls when it is large enough.
func editDistance(a, b []rune, buf []int) int {
	n := len(b) + 1
	if cap(buf) < 3*n {
		buf = make([]int, 3*n)
	}
	buf = buf[:3*n]
	prev2, prev, cur := buf[:n], buf[n:2*n], buf[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// sortedKeys returns the keys of m in order, the words a reference may name.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
