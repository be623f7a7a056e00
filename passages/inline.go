package passages

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stripInline removes Markdown inline syntax from s, keeping the text a
// reader sees: emphasis markers that pair up (*, **, _, __, ~~), code span
// backticks, backslash escapes, link and image syntax ([text](url) and
// ![alt](url) become text and alt), and autolink brackets (<https://x>
// becomes https://x); HTML entities are decoded. It is a simplified
// CommonMark: delimiter runs pair with the nearest earlier run of the same
// character and length, and markers that do not pair are kept.
func stripInline(s string) string {
	if !strings.ContainsAny(s, "*_~`\\[!<&") {
		return s
	}
	var toks []inlineTok
	var lit strings.Builder
	flushLit := func() {
		if lit.Len() > 0 {
			toks = append(toks, inlineTok{text: decodeEntities(lit.String())})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			lit.WriteByte(s[i+1])
			i += 2
		case c == '`':
			n := runLen(s, i, '`')
			if end := findBacktickRun(s, i+n, n); end >= 0 {
				flushLit()
				code := s[i+n : end]
				if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
					code = code[1 : len(code)-1]
				}
				toks = append(toks, inlineTok{text: code})
				i = end + n
			} else {
				lit.WriteString(s[i : i+n])
				i += n
			}
		case c == '[' || c == '!' && i+1 < len(s) && s[i+1] == '[':
			open := i
			if c == '!' {
				open++
			}
			if label, end, ok := parseLink(s, open); ok {
				flushLit()
				toks = append(toks, inlineTok{text: stripInline(label)})
				i = end
			} else {
				lit.WriteString(s[i : open+1])
				i = open + 1
			}
		case c == '<':
			if inner, end, ok := parseAutolink(s, i); ok {
				flushLit()
				toks = append(toks, inlineTok{text: inner})
				i = end
			} else {
				lit.WriteByte(c)
				i++
			}
		case c == '*' || c == '_' || c == '~':
			n := runLen(s, i, c)
			flushLit()
			toks = append(toks, delimTok(s, i, n))
			i += n
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flushLit()
	pairDelims(toks)
	var b strings.Builder
	for _, t := range toks {
		if !t.removed {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

// inlineTok is literal text or a delimiter run (delim != 0).
type inlineTok struct {
	text              string
	delim             byte
	canOpen, canClose bool
	removed           bool
}

func decodeEntities(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}

// isASCIIPunct reports whether c is one of CommonMark's escapable ASCII
// punctuation characters.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// findBacktickRun returns the offset of the next run of exactly n backticks
// at or after i, or -1.
func findBacktickRun(s string, i, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		j += i
		m := runLen(s, j, '`')
		if m == n {
			return j
		}
		i = j + m
	}
	return -1
}

// parseLink parses "[label](dest)" at s[open] == '['. It returns the label
// and the offset after ")".
func parseLink(s string, open int) (label string, end int, ok bool) {
	depth := 0
	closeB := -1
	for j := open; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				closeB = j
			}
		}
		if closeB >= 0 {
			break
		}
	}
	if closeB < 0 || closeB+1 >= len(s) || s[closeB+1] != '(' {
		return "", 0, false
	}
	depth = 0
	for j := closeB + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return s[open+1 : closeB], j + 1, true
			}
		}
	}
	return "", 0, false
}

// parseAutolink parses "<scheme:...>" or "<user@host>" at s[i] == '<'.
func parseAutolink(s string, i int) (inner string, end int, ok bool) {
	j := strings.IndexByte(s[i:], '>')
	if j < 0 {
		return "", 0, false
	}
	inner = s[i+1 : i+j]
	if inner == "" || strings.ContainsAny(inner, " \t<") {
		return "", 0, false
	}
	if k := strings.IndexByte(inner, ':'); k >= 2 && isScheme(inner[:k]) || strings.Contains(inner, "@") {
		return inner, i + j + 1, true
	}
	return "", 0, false
}

func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	return true
}

// delimTok classifies the run s[i:i+n] by CommonMark's flanking rules.
func delimTok(s string, i, n int) inlineTok {
	c := s[i]
	t := inlineTok{text: s[i : i+n], delim: c}
	if c == '~' && n != 2 {
		return inlineTok{text: t.text}
	}
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	punct := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
	left := !unicode.IsSpace(after) && (!punct(after) || unicode.IsSpace(before) || punct(before))
	right := !unicode.IsSpace(before) && (!punct(before) || unicode.IsSpace(after) || punct(after))
	if c == '_' {
		t.canOpen = left && (!right || punct(before))
		t.canClose = right && (!left || punct(after))
	} else {
		t.canOpen, t.canClose = left, right
	}
	return t
}

// pairDelims marks delimiter runs that pair up as removed.
func pairDelims(toks []inlineTok) {
	var openers []int
	for i := range toks {
		t := &toks[i]
		if t.delim == 0 {
			continue
		}
		if t.canClose {
			for k := len(openers) - 1; k >= 0; k-- {
				o := &toks[openers[k]]
				if o.delim == t.delim && len(o.text) == len(t.text) {
					o.removed, t.removed = true, true
					openers = openers[:k]
					break
				}
			}
			if t.removed {
				continue
			}
		}
		if t.canOpen {
			openers = append(openers, i)
		}
	}
}
