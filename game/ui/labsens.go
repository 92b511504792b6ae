package ui

import (
	"context"
	"time"

	"ili/game/scenario"
	"ili/game/whatif"
)

// labDelta is the change the lab's sensitivity ranking makes to each
// input, down and up: strengths by 20%, dates by 20% of the turns.
const labDelta = 0.2

// labStudy is a sensitivity ranking the lab plays in the background: each
// input of the setup varied down and up one at a time on the same seeds
// (whatif.SensitivityArms and RunStudy), its progress and its end sent
// over channels the lab reads in its Update, as a batch's are.
type labStudy struct {
	spec   whatif.Spec
	runs   int
	seed   uint64
	cancel context.CancelFunc
	news   chan labStudyNews
	end    chan labStudyNews
	// What the lab has read so far.
	last     labStudyNews // its cancelled and err are the ranking's once finished
	finished bool
}

// labStudyNews is the ranking as it stands: the games played of all, and
// once it has ended, the inputs ranked and those left out.
type labStudyNews struct {
	done, all int
	elapsed   time.Duration
	effects   []whatif.Effect
	skipped   []string
	base      whatif.Share // the first side's wins in the base setup
	side      string       // that side
	err       error
	cancelled bool
}

// startLabStudy starts ranking the inputs of spec, runs games a setup from
// seed, on every core.
func startLabStudy(spec whatif.Spec, runs int, seed uint64) *labStudy {
	ctx, cancel := context.WithCancel(context.Background())
	s := &labStudy{spec: spec, runs: runs, seed: seed, cancel: cancel,
		news: make(chan labStudyNews, 1), end: make(chan labStudyNews, 1)}
	go s.play(ctx)
	return s
}

// play runs in its own goroutine: it builds the arms, plays them and
// sends the news.
func (s *labStudy) play(ctx context.Context) {
	start := time.Now()
	file, text, err := scenario.Read(s.spec.Scenario)
	if err != nil {
		s.end <- labStudyNews{err: err}
		return
	}
	load := func(sp whatif.Spec) (whatif.Setup, error) { return sp.Load(file, text) }
	inputs, arms, skipped, err := whatif.SensitivityArms(s.spec, labDelta, load)
	if err != nil {
		s.end <- labStudyNews{err: err}
		return
	}
	head := whatif.StudyHead{Kind: whatif.KindSensitivity, Scenario: arms[0].Setup.Scenario.ID, Delta: labDelta, Inputs: inputs, Skipped: skipped}
	opt := whatif.Options{Runs: s.runs, Seed: s.seed, Workers: labWorkers(), Progress: func(done, all int) {
		n := labStudyNews{done: done, all: all, elapsed: time.Since(start)}
		select { // the newest news replaces news not yet read
		case <-s.news:
		default:
		}
		select {
		case s.news <- n:
		default:
		}
	}}
	st, err := whatif.RunStudy(ctx, head, arms, opt, nil, nil)
	n := labStudyNews{done: len(arms) * s.runs, all: len(arms) * s.runs, elapsed: time.Since(start), skipped: skipped}
	switch {
	case err == nil:
		n.effects = st.Effects
		if base := st.Arms[0]; len(base.Sides) > 0 {
			n.side = base.Sides[0]
			n.base = base.Summary.Wins[n.side]
		}
	case ctx.Err() != nil:
		n.cancelled = true
	default:
		n.err = err
	}
	s.end <- n
}

// poll reads the news the goroutine sent; it never waits.
func (s *labStudy) poll() {
	if s.finished {
		return
	}
	select {
	case n := <-s.news:
		s.last.done, s.last.all, s.last.elapsed = n.done, n.all, n.elapsed
	default:
	}
	select {
	case n := <-s.end:
		if n.cancelled || n.err != nil { // keep the progress reached
			n.done, n.all = s.last.done, s.last.all
		}
		s.last, s.finished = n, true
		s.cancel()
	default:
	}
}

// wait polls until the ranking has ended or the time is up.
func (s *labStudy) wait(limit time.Duration) bool {
	return waitUntil(limit, func() bool { s.poll(); return s.finished })
}
