package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFolderStore(t *testing.T) {
	dir := t.TempDir()
	st := Folder(dir)
	if list, err := st.List("saves"); err != nil || len(list) != 0 {
		t.Errorf("a missing folder lists %v, %v", list, err)
	}
	if _, err := st.Read("settings.json"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
	for _, name := range []string{"saves/a.json", "saves/b.json", "settings.json", "saves/deeper/c.json"} {
		if err := st.Write(name, []byte(name)); err != nil {
			t.Fatal(err)
		}
	}
	if data, err := st.Read("saves/a.json"); err != nil || string(data) != "saves/a.json" {
		t.Errorf("read back %q, %v", data, err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(dir, "saves", "b.json"), old, old)
	list, err := st.List("saves")
	if err != nil || len(list) != 2 || list[0].Name != "saves/a.json" || list[1].Name != "saves/b.json" {
		t.Errorf("listed %v, %v; want a.json then the older b.json, and no folder", list, err)
	}
	if got, want := st.Where("saves/a.json"), filepath.Join(dir, "saves", "a.json"); got != want {
		t.Errorf("Where: %s, want %s", got, want)
	}
	for _, bad := range []string{"../x.json", "/etc/passwd", "saves/../../x"} {
		if err := st.Write(bad, nil); err == nil {
			t.Errorf("wrote %q outside the folder", bad)
		}
		if _, err := st.Read(bad); err == nil {
			t.Errorf("read %q outside the folder", bad)
		}
	}
}
