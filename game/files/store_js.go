//go:build js

package files

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"syscall/js"
	"time"
)

// UserStore is the player's store in the browser: the page's local
// storage, which keeps a file's text under "ili:" and its name and the time
// it was written under "ili-time:" and its name. It is the site's: the
// same address in the same browser finds the same games.
func UserStore() (Store, error) {
	ls, err := localStorage()
	if err != nil {
		return nil, err
	}
	return browserStore{ls}, nil
}

const (
	keyPrefix  = "ili:"
	timePrefix = "ili-time:"
)

type browserStore struct{ ls js.Value }

// localStorage is the page's storage, or why there is none (a browser
// that refuses it to the page, as some do in private windows).
func localStorage() (ls js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the browser keeps no storage for this page (%v); allow the site to store data", r)
		}
	}()
	ls = js.Global().Get("localStorage")
	if ls.IsUndefined() || ls.IsNull() {
		return ls, fmt.Errorf("the browser keeps no storage for this page; allow the site to store data")
	}
	return ls, nil
}

// call calls a method of the storage, turning a JavaScript exception (the
// storage full) into an error.
func (b browserStore) call(method string, args ...any) (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return b.ls.Call(method, args...), nil
}

func (b browserStore) Read(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, fmt.Errorf("%q is not a name in the store", name)
	}
	v, err := b.call("getItem", keyPrefix+name)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read it from the browser's storage: %w", name, err)
	}
	if v.IsNull() {
		return nil, sentence{name + ": there is no such file in the browser's storage", fs.ErrNotExist}
	}
	s := v.String()
	if len(s) > MaxText {
		return nil, tooBig(name, MaxText)
	}
	return []byte(s), nil
}

func (b browserStore) Write(name string, data []byte) error {
	if !fs.ValidPath(name) {
		return fmt.Errorf("%q is not a name in the store", name)
	}
	if _, err := b.call("setItem", keyPrefix+name, string(data)); err != nil {
		return fmt.Errorf("the browser's storage is full or refused %s (%v): download the games you want to keep, then clear the site's data", name, err)
	}
	b.call("setItem", timePrefix+name, time.Now().UTC().Format(time.RFC3339Nano))
	return nil
}

func (b browserStore) List(dir string) ([]Stored, error) {
	var out []Stored
	want := keyPrefix + dir + "/"
	for i := range b.ls.Length() {
		k, err := b.call("key", i)
		if err != nil || k.IsNull() {
			continue
		}
		key := k.String()
		if !strings.HasPrefix(key, want) || strings.Contains(key[len(want):], "/") {
			continue
		}
		name := path.Join(dir, key[len(want):])
		s := Stored{Name: name}
		if t, err := b.call("getItem", timePrefix+name); err == nil && !t.IsNull() {
			s.Time, _ = time.Parse(time.RFC3339Nano, t.String())
		}
		out = append(out, s)
	}
	newestFirst(out)
	return out, nil
}

func (b browserStore) Where(name string) string {
	return "the browser's storage (" + name + ")"
}
