//go:build unix

package files

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"
)

func unixOnly(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("FIFOs and devices are a Unix matter")
	}
}

func mkfifo(t *testing.T) string {
	t.Helper()
	unixOnly(t)
	name := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(name, 0o600); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	return name
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestWriteReplacesAndKeepsMode(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.json")
	if err := Write(name, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(name); info.Mode().Perm() != newMode {
		t.Errorf("a new file has mode %v, want %v (0666 less the umask)", info.Mode().Perm(), newMode)
	}
	if err := os.Chmod(name, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, name); got != "new" {
		t.Errorf("the file holds %q", got)
	}
	if info, _ := os.Stat(name); info.Mode().Perm() != 0o600 {
		t.Errorf("a 0600 file became %v", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the one written", len(entries))
	}
}

func TestWriteThroughALinkKeepsTheLink(t *testing.T) {
	unixOnly(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	os.WriteFile(target, []byte("old"), 0o640)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link is no longer a link: %v %v", info.Mode(), err)
	}
	if got := read(t, target); got != "new" {
		t.Errorf("the link's target holds %q", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode became %v", info.Mode().Perm())
	}
}

func TestAbortAndFailedWritesLeaveTheOldFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(name, []byte("old"), 0o644)
	w, err := Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("half"))
	w.Abort()
	if got := read(t, name); got != "old" {
		t.Errorf("after Abort the file holds %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(name)); len(entries) != 1 {
		t.Errorf("Abort left %d files", len(entries))
	}
	if err := Write(filepath.Join(t.TempDir(), "no", "b.json"), []byte("x")); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

func TestWriteToADeviceWritesInPlace(t *testing.T) {
	unixOnly(t)
	if err := Write("/dev/null", []byte("png")); err != nil {
		t.Fatalf("writing /dev/null: %v", err)
	}
	if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", info.Mode(), err)
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		err := Write("/dev/full", bytes.Repeat([]byte("x"), 1<<17))
		if err == nil {
			t.Error("writing /dev/full succeeded")
		}
		if info, _ := os.Stat("/dev/full"); info.Mode()&fs.ModeCharDevice == 0 {
			t.Error("/dev/full was replaced")
		}
	}
}

func TestWriteToAFIFO(t *testing.T) {
	fifo := mkfifo(t)
	done := make(chan error, 1)
	go func() { done <- Write(fifo, []byte("report")) }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a FIFO with no reader took the data")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("writing a FIFO with no reader hung")
	}
	cat := exec.Command("cat", fifo)
	var out bytes.Buffer
	cat.Stdout = &out
	if err := cat.Start(); err != nil {
		t.Skip("no cat here")
	}
	var err error
	for range 100 { // wait for cat to open its end
		if err = Write(fifo, []byte("report")); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("writing a FIFO with a reader: %v", err)
	}
	cat.Wait()
	if out.String() != "report" {
		t.Errorf("the reader got %q", out.String())
	}
	if info, _ := os.Lstat(fifo); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced by a file")
	}
}

func TestWriteRefusesAFolder(t *testing.T) {
	if err := Write(t.TempDir(), []byte("x")); err == nil {
		t.Error("writing over a folder succeeded")
	}
}

func TestStaleTempFilesAreRemoved(t *testing.T) {
	unixOnly(t)
	dir := t.TempDir()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip("no true here")
	}
	stale := filepath.Join(dir, tempPrefix+strconv.Itoa(gone.Process.Pid)+"-123")
	live := filepath.Join(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-456")
	other := filepath.Join(dir, ".tmp-not-ours")
	for _, n := range []string{stale, live, other} {
		os.WriteFile(n, []byte("x"), 0o600)
	}
	if err := Write(filepath.Join(dir, "a.json"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a temporary file of a dead writer was kept")
	}
	for _, n := range []string{live, other} {
		if _, err := os.Stat(n); err != nil {
			t.Errorf("%s was removed", filepath.Base(n))
		}
	}
}

func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	unixOnly(t)
	fifo := mkfifo(t)
	for _, name := range []string{"/dev/zero", fifo, t.TempDir()} {
		done := make(chan error, 1)
		go func() { _, err := Read(name, MaxText); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("Read(%s) = %v, want ErrNotRegular", name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Read(%s) hung", name)
		}
	}
}

func TestReadCapsTheSize(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "big")
	os.WriteFile(name, bytes.Repeat([]byte("x"), 1001), 0o644)
	if _, err := Read(name, 1000); !errors.Is(err, ErrTooBig) {
		t.Errorf("a 1001-byte file read under a 1000 cap: %v", err)
	}
	data, err := Read(name, 1001)
	if err != nil || len(data) != 1001 {
		t.Errorf("Read at the cap = %d bytes, %v", len(data), err)
	}
	if _, err := Read(filepath.Join(dir, "none"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "link")
		os.Symlink(name, link)
		if data, err := Read(link, MaxText); err != nil || len(data) != 1001 {
			t.Errorf("a link to a file: %d bytes, %v", len(data), err)
		}
	}
}

func TestStdout(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	err = Write(Stdout, []byte("to the pipe"))
	os.Stdout = old
	w.Close()
	got, _ := io.ReadAll(r)
	if err != nil || string(got) != "to the pipe" {
		t.Errorf("writing - gave %q, %v", got, err)
	}
}

// TestWriteRefusesWhatAShellWould: a read-only file, and a link another
// user made in a shared folder, are refused and left as they are.
func TestWriteRefusesWhatAShellWould(t *testing.T) {
	dir := t.TempDir()
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro.txt")
		os.WriteFile(ro, []byte("keep"), 0o444)
		if err := Write(ro, []byte("x")); err == nil || read(t, ro) != "keep" {
			t.Errorf("a read-only file was replaced: %v", err)
		}
		return
	}
	shared := filepath.Join(dir, "shared")
	os.Mkdir(shared, 0o777)
	os.Chmod(shared, 0o777|fs.ModeSticky)
	mine := filepath.Join(dir, "mine.txt")
	os.WriteFile(mine, []byte("keep"), 0o600)
	link := filepath.Join(shared, "report.txt")
	if err := os.Symlink(mine, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Lchown(link, 65534, 65534); err != nil {
		t.Skipf("cannot give the link to another user: %v", err)
	}
	if err := Write(link, []byte("report")); err == nil || read(t, mine) != "keep" {
		t.Errorf("another user's link in a shared folder was followed: %v", err)
	}
}

// TestWriteToAnOpenFile: /dev/fd/N writes to the process's open file as
// it is (appending where it appends), never replacing what it names.
func TestWriteToAnOpenFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "app.log")
	os.WriteFile(name, []byte("earlier line\n"), 0o644)
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Write("/dev/fd/"+strconv.Itoa(int(f.Fd())), []byte("report\n")); err != nil {
		t.Fatal(err)
	}
	// The descriptor stays the process's: collecting the writer's file must
	// not close it.
	runtime.GC()
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if _, err := f.WriteString("later line\n"); err != nil {
		t.Errorf("the open file was closed under its owner: %v", err)
	}
	if got := read(t, name); got != "earlier line\nreport\nlater line\n" {
		t.Errorf("the log holds %q", got)
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\nçd\n")
	for _, c := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {99, 3, 1}, {-4, 1, 1}} {
		if line, col := LineCol(data, c.off); line != c.line || col != c.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", c.off, line, col, c.line, c.col)
		}
	}
}
