package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"cstomap/internal/safefile"
)

// PrefsFileLimit is the most a preferences file may hold. The window's
// settings take a few hundred bytes; a bigger file is not ours.
const PrefsFileLimit = 1 << 20

// prefKind is the JSON type the window writes for a key.
type prefKind int

const (
	kindString prefKind = iota
	kindWhole           // a number without a fraction (the year)
	kindNumber
	kindBool
)

// prefKinds are the keys the window writes, with their types.
var prefKinds = map[string]prefKind{
	prefTheme: kindString, prefAlliance: kindString, prefSelected: kindString,
	prefYear: kindWhole,
	prefZoom: kindNumber, prefCX: kindNumber, prefCY: kindNumber, prefWidth: kindNumber, prefHeight: kindNumber,
	prefCentred: kindBool, prefNames: kindBool, prefEvents: kindBool,
}

// CheckPreferences looks at the preferences file at path before Fyne reads
// it, and repairs what would stop the window or be dropped without a word:
//
//   - a path that is not a regular file (a FIFO would block the start, a
//     link to /dev/zero would be read without end), a file over
//     PrefsFileLimit, or a file that is not a JSON object is moved aside to
//     path.bad-<time>, and the defaults are used;
//   - keys whose values have the wrong type (null, a list, a string for a
//     number, a number beyond float64 such as 1e999, a year with a
//     fraction) and lists Fyne cannot load (mixed types, which panic in
//     Fyne's loader) are taken out: the file as it was is moved aside and
//     the rest is written back.
//
// It returns one sentence per repair, naming the keys and the problems,
// for the user. It returns an error only when a bad file could not be
// moved aside, so that the window would not start.
func CheckPreferences(path string, now time.Time) ([]string, error) {
	data, err := safefile.Read(path, PrefsFileLimit)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return moveAside(path, now, readProblem(path, err))
	case len(bytes.TrimSpace(data)) == 0:
		return nil, nil // Fyne starts empty, as with no file
	}
	values, err := decodePrefs(data)
	if err != nil {
		return moveAside(path, now, fmt.Sprintf("is not a settings file (%v)", err))
	}
	var bad []string
	for key, v := range values {
		if why := valueProblem(key, v); why != "" {
			bad = append(bad, key+": "+why)
			delete(values, key)
		}
	}
	if len(bad) == 0 {
		return nil, nil
	}
	sort.Strings(bad)
	mode := fs.FileMode(0o600)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	aside, err := moveTo(path, now)
	if err != nil {
		return nil, fmt.Errorf("preferences %s: %s, and it could not be moved aside: %w", path, strings.Join(bad, "; "), err)
	}
	msg := fmt.Sprintf("Some saved settings were damaged and are back at their defaults:\n• %s.\nThe file as it was is kept as %s.", strings.Join(bad, ".\n• "), aside)
	if err := writePrefs(path, values, mode); err != nil {
		msg += fmt.Sprintf(" The other settings could not be written back (%v), so all are at their defaults.", err)
	}
	return []string{msg}, nil
}

// readProblem says in plain words why safefile refused the file at path.
func readProblem(path string, err error) string {
	switch {
	case errors.Is(err, safefile.ErrNotRegular):
		why := "is not a plain file"
		if st, err := os.Stat(path); err == nil {
			why = fmt.Sprintf("is %s, not a plain file", fileKind(st.Mode()))
		}
		if target, err := os.Readlink(path); err == nil {
			why += fmt.Sprintf(" (it links to %s)", target)
		}
		return why
	case errors.Is(err, safefile.ErrTooLarge):
		return fmt.Sprintf("is larger than %d KB", PrefsFileLimit>>10)
	}
	return fmt.Sprintf("could not be read (%v)", err)
}

// fileKind names a file type that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// moveAside moves the file at path aside and says why, in a sentence.
func moveAside(path string, now time.Time, why string) ([]string, error) {
	aside, err := moveTo(path, now)
	if err != nil {
		return nil, fmt.Errorf("preferences %s %s, and it could not be moved aside: %w", path, why, err)
	}
	return []string{fmt.Sprintf("Your saved settings file %s, so the defaults are used. It was moved to %s.", why, aside)}, nil
}

// moveTo renames path to path.bad-<time>, adding a number when that name is
// taken, and returns the new name. A symbolic link is moved, not its
// target.
func moveTo(path string, now time.Time) (string, error) {
	base := path + ".bad-" + now.UTC().Format("20060102T150405Z")
	for i := 1; i < 100; i++ {
		aside := base
		if i > 1 {
			aside = fmt.Sprintf("%s-%d", base, i)
		}
		if _, err := os.Lstat(aside); err == nil {
			continue
		}
		if err := os.Rename(path, aside); err != nil {
			return "", err
		}
		return aside, nil
	}
	return "", fmt.Errorf("too many files named %s*", base)
}

// decodePrefs reads a JSON object, keeping numbers as written so that one
// out of float64's range can be named.
func decodePrefs(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var values map[string]any
	if err := dec.Decode(&values); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("it holds %s, not an object of settings", te.Value)
		}
		return nil, err
	}
	if values == nil {
		return nil, errors.New("it holds null, not an object of settings")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more follows the object of settings")
	}
	return values, nil
}

// valueProblem says what is wrong with the value of key, or "".
func valueProblem(key string, v any) string {
	kind, ours := prefKinds[key]
	if !ours {
		return loadProblem(v)
	}
	want := map[prefKind]string{kindString: "text", kindWhole: "a whole number", kindNumber: "a number", kindBool: "true or false"}[kind]
	switch x := v.(type) {
	case string:
		if kind == kindString {
			return ""
		}
	case bool:
		if kind == kindBool {
			return ""
		}
	case json.Number:
		if kind != kindWhole && kind != kindNumber {
			break
		}
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return fmt.Sprintf("%s is out of range; it should be %s", x, want)
		}
		if kind == kindWhole && (f != math.Trunc(f) || math.Abs(f) > 1e9) {
			return fmt.Sprintf("%s is not a year; it should be %s", x, want)
		}
		return ""
	}
	return fmt.Sprintf("%s; it should be %s", describe(v), want)
}

// loadProblem says what in v would stop Fyne loading the preferences:
// numbers beyond float64, and lists of mixed types (Fyne's loader panics
// on them). It returns "" for anything else.
func loadProblem(v any) string {
	switch x := v.(type) {
	case json.Number:
		if _, err := strconv.ParseFloat(string(x), 64); err != nil {
			return fmt.Sprintf("%s is out of range", x)
		}
	case []any:
		for i, item := range x {
			if why := loadProblem(item); why != "" {
				return fmt.Sprintf("item %d: %s", i+1, why)
			}
			if i > 0 && jsonType(item) != jsonType(x[0]) {
				return fmt.Sprintf("a list that mixes %s and %s", jsonType(x[0]), jsonType(item))
			}
		}
	case map[string]any:
		for k, item := range x {
			if why := loadProblem(item); why != "" {
				return fmt.Sprintf("%s: %s", k, why)
			}
		}
	}
	return ""
}

// describe names the JSON type of v, and a text's value.
func describe(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("text %q", shorten(s, 40))
	}
	return jsonType(v)
}

// jsonType names the JSON type of v.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "text"
	case bool:
		return "true or false"
	case json.Number:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// writePrefs writes values to path with mode through a temporary file, so
// that the file is whole or absent.
func writePrefs(path string, values map[string]any, mode fs.FileMode) error {
	data, err := json.Marshal(values)
	if err != nil {
		return fmt.Errorf("encode preferences: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".preferences-*.json")
	if err != nil {
		return fmt.Errorf("write preferences: %w", err)
	}
	defer os.Remove(f.Name()) // after the rename, there is nothing to remove
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("write preferences: %w", err)
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return fmt.Errorf("write preferences: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write preferences: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write preferences: %w", err)
	}
	return nil
}
