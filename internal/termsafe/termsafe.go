// Package termsafe makes text safe to print on a terminal. Article titles,
// publishers, passages and file names come from outside; printed raw, their
// control characters could clear the screen, set the window title, write to
// the clipboard (OSC 52) or reorder what the reader sees (bidi overrides).
// Such characters are written as visible \uXXXX escapes instead, which are
// also valid escapes inside a JSON string, so JSON output stays valid and
// means the same.
package termsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// unsafe reports whether r must not reach a terminal raw: C0 controls other
// than newline and tab, DEL, C1 controls, and the Unicode bidi embedding,
// override, isolate and mark characters.
func unsafe(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Sanitize returns s with every unsafe character written as a \uXXXX escape
// and each invalid UTF-8 byte replaced by U+FFFD.
func Sanitize(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unsafe(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if unsafe(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r) // RuneError for an invalid byte is written as U+FFFD
	}
	return b.String()
}

// Writer sanitizes everything written to it before passing it on. A UTF-8
// sequence split across two writes is held back until it is whole; Close
// (or Flush) writes out an incomplete tail as U+FFFD.
type Writer struct {
	w       io.Writer
	pending []byte
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write sanitizes p and writes it. It reports len(p) on success.
func (t *Writer) Write(p []byte) (int, error) {
	buf := append(t.pending, p...)
	// Hold back an incomplete UTF-8 sequence at the end.
	cut := len(buf)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	t.pending = append([]byte(nil), buf[cut:]...)
	if _, err := io.WriteString(t.w, Sanitize(string(buf[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes out any held-back incomplete sequence as U+FFFD.
func (t *Writer) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	t.pending = nil
	_, err := io.WriteString(t.w, string(utf8.RuneError))
	return err
}
