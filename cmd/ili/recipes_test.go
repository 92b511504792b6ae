package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// recipe is the command under the line "# recipe: NAME" in the README.
func recipe(t *testing.T, name string, lines int) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "# recipe: "+name {
			var out []string
			for len(out) < lines && sc.Scan() {
				out = append(out, sc.Text())
			}
			return strings.Join(out, "\n")
		}
	}
	t.Fatalf("the README has no recipe %q", name)
	return ""
}

// small turns a recipe's large batch of manas-1945 into a small one of
// nilka-1944, with the same seeds, parts and layout.
func small(cmd string, runs int) string {
	r := strings.NewReplacer("manas-1945", "nilka-1944", "--runs 1000 ", fmt.Sprintf("--runs %d ", runs), "--runs 100000 ", fmt.Sprintf("--runs %d ", runs),
		"--workers 8 ", "--workers 1 ")
	return r.Replace(cmd)
}

// TestRecipes runs the README's recipes for spreading a batch over
// machines, with a small batch of nilka-1944: GNU parallel on one machine
// and over "ssh" to this one (--sshlogin :), and the Slurm array's and the
// Kubernetes Indexed Job's command with each task's index set in turn.
// Each merge must be the bytes of the whole batch played at once. GNU
// parallel is needed (scripts/setup.sh installs it); without it the
// parallel recipes are skipped, except in CI, where that fails.
func TestRecipes(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	bin := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "ili"), ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	path := bin + string(os.PathListSeparator) + os.Getenv("PATH")
	whole := func(runs int) []byte {
		var out bytes.Buffer
		cmd := exec.Command(filepath.Join(bin, "ili"), "sim", "nilka-1944", "--runs", fmt.Sprint(runs), "--seed", "1", "--format", "json")
		cmd.Stdout = &out
		if err := cmd.Run(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	sh := func(t *testing.T, dir, script string, env ...string) {
		t.Helper()
		cmd := exec.Command("sh", "-ec", script)
		cmd.Dir = dir
		cmd.Env = append(append(os.Environ(), "PATH="+path), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s\n%v\n%s", script, err, out)
		}
	}
	same := func(t *testing.T, file string, want []byte) {
		t.Helper()
		got, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not the whole batch (%v):\n%s", file, err, got)
		}
	}
	t.Run("slurm", func(t *testing.T) {
		dir, cmd := t.TempDir(), small(recipe(t, "slurm", 1), 16)
		for task := 1; task <= 16; task++ {
			sh(t, dir, cmd, fmt.Sprintf("SLURM_ARRAY_TASK_ID=%d", task), "SLURM_CPUS_PER_TASK=1")
		}
		sh(t, dir, "ili sim merge part-*.json --out manas.json")
		same(t, filepath.Join(dir, "manas.json"), whole(16))
	})
	t.Run("kubernetes", func(t *testing.T) {
		dir := t.TempDir()
		line := recipe(t, "kubernetes", 1)
		arg := line[strings.Index(line, "['")+2 : strings.LastIndex(line, "']")]
		cmd := strings.ReplaceAll(small(arg, 16), "/results/", dir+"/")
		for index := 0; index < 16; index++ {
			sh(t, dir, cmd, fmt.Sprintf("JOB_COMPLETION_INDEX=%d", index))
		}
		sh(t, dir, "ili sim merge part-*.json --out manas.json")
		same(t, filepath.Join(dir, "manas.json"), whole(16))
	})
	if _, err := exec.LookPath("parallel"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("GNU parallel is not installed, and CI must run its recipes: add parallel to the system packages (scripts/setup.sh does)")
		}
		t.Skip("GNU parallel is not installed (apt-get install parallel, or scripts/setup.sh): its recipes are not run")
	}
	t.Run("parallel", func(t *testing.T) {
		dir := t.TempDir()
		sh(t, dir, small(recipe(t, "parallel, one machine", 2), 8))
		same(t, filepath.Join(dir, "manas.json"), whole(8))
	})
	t.Run("parallel over ssh", func(t *testing.T) {
		dir := t.TempDir()
		cmd := strings.Replace(small(recipe(t, "parallel, over ssh", 2), 16), "--sshlogin 8/host1,8/host2", "--sshlogin :", 1)
		sh(t, dir, cmd, "HOME="+dir) // parallel keeps its state in HOME
		same(t, filepath.Join(dir, "manas.json"), whole(16))
	})
}
