package rules

import "math"

// Portable exp and log for the combat model. The standard library's versions
// use assembly on some platforms and may differ there in the last bit; these
// use only +, -, * and / with explicit rounding (see mul), so the model's
// results are bit-identical on every platform, as replays need.

const ln2 = 0.693147180559945309417232121458176568

// ln returns the natural logarithm of x > 0 (x <= 0 returns -inf).
func ln(x float64) float64 {
	if x <= 0 {
		return math.Inf(-1)
	}
	frac, e := math.Frexp(x) // exact: x = frac * 2^e, frac in [0.5, 1)
	if frac < 0.7071067811865476 {
		frac *= 2
		e--
	}
	// ln(frac) = 2 atanh(t), t = (frac-1)/(frac+1), |t| < 0.172.
	t := (frac - 1) / (frac + 1)
	t2 := mul(t, t)
	sum, term := 0.0, t
	for k := 1; k < 40; k += 2 {
		sum += term / float64(k)
		term = mul(term, t2)
		if term == 0 {
			break
		}
	}
	return mul(2, sum) + mul(float64(e), ln2)
}

// exp returns e^x for the model's range (|x| < 700).
func exp(x float64) float64 {
	switch {
	case x > 700:
		return math.Inf(1)
	case x < -700:
		return 0
	}
	// x = k ln2 + r, |r| <= ln2/2; e^r by its Taylor series.
	k := math.Floor(x/ln2 + 0.5)
	r := x - mul(k, ln2)
	sum, term := 1.0, 1.0
	for n := 1; n < 30; n++ {
		term = mul(term, r) / float64(n)
		sum += term
		if term == 0 || math.Abs(term) < 1e-17 {
			break
		}
	}
	return math.Ldexp(sum, int(k)) // exact scaling by 2^k
}

// pow returns x^y for x > 0.
func pow(x, y float64) float64 { return exp(mul(y, ln(x))) }

// exp2 returns exp(x) and exp(y), the same bits as two calls give: the two
// series are summed in one loop, side by side, so that a processor works on
// both at once (each term waits on a division), and each stops where exp
// stops it.
func exp2(x, y float64) (float64, float64) {
	if x > 700 || x < -700 || y > 700 || y < -700 {
		return exp(x), exp(y)
	}
	kx := math.Floor(x/ln2 + 0.5)
	ky := math.Floor(y/ln2 + 0.5)
	rx := x - mul(kx, ln2)
	ry := y - mul(ky, ln2)
	sx, tx := 1.0, 1.0
	sy, ty := 1.0, 1.0
	n := 1
	for ; n < 30; n++ {
		tx = mul(tx, rx) / float64(n)
		ty = mul(ty, ry) / float64(n)
		sx += tx
		sy += ty
		dx := tx == 0 || math.Abs(tx) < 1e-17
		dy := ty == 0 || math.Abs(ty) < 1e-17
		if dx || dy {
			n++
			switch {
			case dx && dy:
				n = 30
			case dx: // y goes on alone
				for ; n < 30; n++ {
					ty = mul(ty, ry) / float64(n)
					sy += ty
					if ty == 0 || math.Abs(ty) < 1e-17 {
						break
					}
				}
			default:
				for ; n < 30; n++ {
					tx = mul(tx, rx) / float64(n)
					sx += tx
					if tx == 0 || math.Abs(tx) < 1e-17 {
						break
					}
				}
			}
			break
		}
	}
	return math.Ldexp(sx, int(kx)), math.Ldexp(sy, int(ky))
}
