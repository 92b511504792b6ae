package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"ili/cmd/internal/cli"
	"ili/cmd/internal/web"
)

func init() { commands["serve"] = cmdServe }

// serveContext is how long ili serve serves: until Ctrl-C or a TERM
// signal (a test gives its own).
var serveContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// cmdServe serves the game in the browser: the page, the game (built by
// make web and embedded in ili) and the lessons.
func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("serve", "serve [--addr 127.0.0.1:8080] [--lessons DIR] [--write DIR]", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on: this machine alone by default; :8080 for every machine that can reach it")
	lessonDir := fs.String("lessons", "", "a folder of lessons (NAME.toml) to serve beside the bundled ones, opened by ?lesson=NAME")
	write := fs.String("write", "", "write the page, the game and the lessons into this folder for another web server, and stop")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "ili serve takes no arguments; give the address with --addr, such as: ili serve --addr :8080")
		return cli.Usage
	}
	site, err := web.New(*lessonDir)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v.\n", err)
		return cli.Bad
	}
	raw, gz := site.Sizes()
	if *write != "" {
		if err := site.Write(*write); err != nil {
			fmt.Fprintf(stderr, "ili: cannot write the site into %s: %v\n", *write, err)
			return cli.Bad
		}
		fmt.Fprintf(stdout, "ili: the game's page is in %s (index.html; the game is %.1f MB, %.1f MB compressed): copy the folder to a web server.\n", *write, mb(raw), mb(gz))
		return cli.OK
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "ili: cannot listen on %s (%v); give another with --addr, such as --addr 127.0.0.1:8081.\n", *addr, err)
		return cli.Bad
	}
	ctx, stop := serveContext()
	defer stop()
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "ili: the game is at %s (%.1f MB to download, %.1f MB uncompressed); Ctrl-C stops the server.\n", pageURL(ln.Addr()), mb(gz), mb(raw))
	for _, u := range otherURLs(ln.Addr()) {
		fmt.Fprintf(stdout, "ili: on this machine's network: %s\n", u)
	}
	select {
	case err = <-done:
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = srv.Shutdown(shut)
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "ili: the server stopped: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}

func mb(n int64) float64 { return float64(n) / 1e6 }

// pageURL is the address to open for a listener: loopback's for a
// listener on every address.
func pageURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return fmt.Sprintf("http://%s/", net.JoinHostPort(host, fmt.Sprint(tcp.Port)))
}

// otherURLs are the addresses other machines open for a listener on every
// address: one for each of this machine's IPv4 addresses but loopback.
func otherURLs(a net.Addr) []string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return nil
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []string
	for _, ad := range addrs {
		if n, ok := ad.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
			out = append(out, fmt.Sprintf("http://%s/", net.JoinHostPort(n.IP.String(), fmt.Sprint(tcp.Port))))
		}
	}
	return out
}
