package rules

import (
	"math"
	"testing"
)

func TestPortableMath(t *testing.T) {
	for _, x := range []float64{1e-9, 0.001, 0.3, 0.5, 0.7071, 1, 1.5, 2, 3.7, 10, 12345.678, 1e8} {
		if got, want := ln(x), math.Log(x); math.Abs(got-want) > 1e-13*math.Max(1, math.Abs(want)) {
			t.Errorf("ln(%g) = %.17g, want %.17g", x, got, want)
		}
	}
	for _, x := range []float64{-30, -5, -1, -0.2, 0, 0.1, 0.5, 1, 2.3, 10, 50} {
		if got, want := exp(x), math.Exp(x); math.Abs(got-want) > 1e-13*want {
			t.Errorf("exp(%g) = %.17g, want %.17g", x, got, want)
		}
	}
	if got := pow(16, 0.25); math.Abs(got-2) > 1e-14 {
		t.Errorf("pow(16, 0.25) = %g", got)
	}
}

func BenchmarkPortableExpLn(b *testing.B) {
	s := 0.0
	for i := 0; i < b.N; i++ {
		s += exp(ln(1.5 + float64(i%7)))
	}
	_ = s
}
