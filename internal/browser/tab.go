package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Tab is a page open in headless Chromium for a test to drive as a person
// would: pointer presses and keys sent to the page as real input events,
// scripts run in it, screenshots, and everything its console said.
// WebGL runs on SwiftShader, Chromium's software renderer.
type Tab struct {
	ctx     context.Context
	cancel  []context.CancelFunc
	mu      sync.Mutex
	console []string
}

// Hold is how long a pointer button or a key is held down: long enough for
// a game that reads input once a frame to see it down, then up.
const Hold = 120 * time.Millisecond

// NewTab starts the browser with a window of w by h pixels and an empty
// tab; everything stops after timeout, or at Close.
func NewTab(w, h int, timeout time.Duration) (*Tab, error) {
	exe := Path()
	if exe == "" {
		return nil, ErrNoBrowser
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless,
		chromedp.WindowSize(w, h), chromedp.Flag("enable-unsafe-swiftshader", true), chromedp.Flag("use-angle", "swiftshader"))
	t := &Tab{}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.cancel = append(t.cancel, cancel)
	ctx, cancel = chromedp.NewExecAllocator(ctx, opts...)
	t.cancel = append(t.cancel, cancel)
	ctx, cancel = chromedp.NewContext(ctx)
	t.cancel = append(t.cancel, cancel)
	t.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Close()
		return nil, fmt.Errorf("the browser does not start: %w", err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			t.mu.Lock()
			t.console = append(t.console, m.String())
			t.mu.Unlock()
		}
	}()
	return t, nil
}

// Close stops the browser.
func (t *Tab) Close() {
	for i := len(t.cancel) - 1; i >= 0; i-- {
		t.cancel[i]()
	}
}

// Console is every console message, uncaught exception and log entry so far.
func (t *Tab) Console() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.console...)
}

// Errors are the console's errors and uncaught exceptions so far, and its
// warnings but those that match one of the ignore strings.
func (t *Tab) Errors(ignore ...string) []string {
	var out []string
	for _, m := range t.Console() {
		if strings.HasPrefix(m, "warning") {
			skip := false
			for _, s := range ignore {
				skip = skip || strings.Contains(m, s)
			}
			if skip {
				continue
			}
		}
		if strings.HasPrefix(m, "error") || strings.HasPrefix(m, "exception") || strings.HasPrefix(m, "warning") {
			out = append(out, m)
		}
	}
	return out
}

// Navigate opens url and waits for it to load.
func (t *Tab) Navigate(url string) error {
	return chromedp.Do(t.ctx, chromedp.Navigate(url))
}

// Eval runs a script in the page and decodes its value (JSON) into out.
func (t *Tab) Eval(script string, out any) error {
	v, err := chromedp.Run(t.ctx, chromedp.Evaluate[json.RawMessage](script))
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(v, out)
}

// Click moves the pointer to (x, y) of the page, presses the left button
// there and lets it go when held returns (nil: after Hold): a page that
// reads its input once a frame must see the button down, then up.
func (t *Tab) Click(x, y float64, held func()) error {
	if err := chromedp.Do(t.ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, x, y),
		chromedp.Sleep(Hold),
		chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))); err != nil {
		return err
	}
	wait(held)
	return chromedp.Do(t.ctx, chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
}

func wait(held func()) {
	if held == nil {
		time.Sleep(Hold)
		return
	}
	held()
}

// Key presses a key (a character, or one of kb's names: kb.Enter,
// kb.F5...) and lets it go when held returns (nil: after Hold).
func (t *Tab) Key(key string, held func()) error {
	for _, r := range key {
		for _, ev := range kb.Encode(r) {
			if ev.Type == kb.KeyUp {
				wait(held)
			}
			if err := chromedp.Do(t.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, *ev)
				return err
			})); err != nil {
				return err
			}
		}
	}
	return nil
}

// Screenshot is the page as it is on screen.
func (t *Tab) Screenshot() (image.Image, error) {
	data, err := chromedp.Run(t.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return nil, err
	}
	return png.Decode(bytes.NewReader(data))
}
