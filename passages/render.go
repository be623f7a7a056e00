package passages

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Piece is a run of a passage's text, bold or not.
type Piece struct {
	// Text is a run of Passage.Text.
	Text string
	// Bold is true for a matched span.
	Bold bool
}

// Highlight splits the passage of m into pieces, the matched spans bold.
// Joining the pieces' Text gives Passage.Text exactly. Spans that are out
// of range, empty, not on rune boundaries or overlapping an earlier span
// are ignored. This is the exact alternative to [Markdown] for a UI that
// builds rich text from segments.
func Highlight(m Match) []Piece {
	t := m.Passage.Text
	var out []Piece
	at := 0
	for _, s := range validSpans(t, m.Spans) {
		if s[0] > at {
			out = append(out, Piece{Text: t[at:s[0]]})
		}
		out = append(out, Piece{Text: t[s[0]:s[1]], Bold: true})
		at = s[1]
	}
	if at < len(t) || len(out) == 0 {
		out = append(out, Piece{Text: t[at:]})
	}
	return out
}

// validSpans returns the usable spans of text, sorted.
func validSpans(text string, spans [][2]int) [][2]int {
	ss := slices.Clone(spans)
	slices.SortFunc(ss, func(a, b [2]int) int { return a[0] - b[0] })
	out := ss[:0]
	at := 0
	for _, s := range ss {
		if s[0] < at || s[0] >= s[1] || s[1] > len(text) ||
			!utf8.RuneStart(text[s[0]]) || s[1] < len(text) && !utf8.RuneStart(text[s[1]]) {
			continue
		}
		out = append(out, s)
		at = s[1]
	}
	return out
}

// zwsp is ZERO WIDTH SPACE, put before text that must not start a block.
const zwsp = "\u200B"

// markdownSplitters are the characters that start inline Markdown syntax
// (emphasis, code, links, images, autolinks, raw HTML). Goldmark splits a
// text node at each of them, and Fyne then shows a space there, so they
// are always escaped.
const markdownSplitters = "!*<[]_`"

// Markdown returns the passage of m as one Markdown paragraph, with each
// matched word in **bold**, for Fyne's widget.NewRichTextFromMarkdown.
//
// The escaping is chosen for how Fyne 2.7 (goldmark 1.7) renders
// Markdown, checked against it: Fyne shows each text node's source as is,
// so a backslash escape shows its backslash and &amp; shows as &amp; (which
// is exact for text that has them); and Fyne adds a space after a text
// node that is followed by another inline node, so text must not be split
// into nodes. The rules:
//
//   - ! * < [ ] _ ` get a backslash (Fyne shows it) unless the text already
//     escapes them; unescaped they would start syntax or split the text;
//   - nothing else is escaped; instead, text that does not start with a
//     letter gets a ZERO WIDTH SPACE (U+200B, invisible) in front, so no
//     heading, list, quote, code block or HTML block can begin;
//   - a backslash at the end of a bold word gets a ZERO WIDTH SPACE after
//     it, so that it does not escape the closing **;
//   - line breaks become spaces;
//   - bold covers the whole white-space-delimited token around a match
//     ("**Russia’s**", "**“Putin,**"), because Fyne would show a space
//     between a text node and a bold node unless the text ends in a space.
//
// So Fyne shows Passage.Text exactly, plus a visible backslash before each
// of ! * < [ ] _ `. [Highlight] gives exact pieces for a UI that builds
// rich text segments itself.
func Markdown(m Match) string {
	t := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, m.Passage.Text)
	bold := boldTokens(t, validSpans(t, m.Spans))

	var b strings.Builder
	b.Grow(len(t) + 8*len(bold) + 8)
	if r, _ := utf8.DecodeRuneInString(t); t != "" && !unicode.IsLetter(r) && (len(bold) == 0 || bold[0][0] != 0) {
		b.WriteString(zwsp)
	}
	next := 0        // index into bold
	backslashes := 0 // how many backslashes come right before t[i]
	for i := 0; i < len(t); i++ {
		if next < len(bold) && i == bold[next][0] {
			b.WriteString("**")
		}
		c := t[i]
		escaped := backslashes%2 == 1
		if c == '\\' {
			backslashes++
		} else {
			backslashes = 0
		}
		if !escaped && strings.IndexByte(markdownSplitters, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		if next < len(bold) && i+1 == bold[next][1] {
			if c == '\\' && !escaped {
				b.WriteString(zwsp)
			}
			b.WriteString("**")
			next++
		}
	}
	return b.String()
}

// boldTokens widens each span (sorted, not overlapping) to the
// white-space-delimited token around it, merging spans that share a token.
// Each byte is scanned at most once in each direction.
func boldTokens(t string, spans [][2]int) [][2]int {
	var out [][2]int
	toSpace := func(i int) int { // end of the token that contains i
		for i < len(t) {
			r, size := utf8.DecodeRuneInString(t[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
		return i
	}
	for _, s := range spans {
		n := len(out)
		if n > 0 && s[0] < out[n-1][1] {
			if s[1] > out[n-1][1] {
				out[n-1][1] = toSpace(s[1])
			}
			continue
		}
		lo := 0
		if n > 0 {
			lo = out[n-1][1]
		}
		start := s[0]
		for start > lo {
			r, size := utf8.DecodeLastRuneInString(t[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		end := toSpace(s[1])
		if n > 0 && start <= out[n-1][1] {
			out[n-1][1] = end
			continue
		}
		out = append(out, [2]int{start, end})
	}
	return out
}

// jsonMatch is the JSON form of a Match; see WriteJSON.
type jsonMatch struct {
	Article   string   `json:"article"`
	Publisher string   `json:"publisher,omitempty"`
	Index     int      `json:"index"`
	Kind      Kind     `json:"kind"`
	Text      string   `json:"text"`
	Matches   []string `json:"matches"`
	Spans     [][2]int `json:"spans"`
	Region    bool     `json:"region,omitempty"`
}

// WriteJSON writes ms as an indented JSON array, one object per match:
//
//	{"article": title, "publisher": publisher (omitted if empty),
//	 "index": passage index, "kind": passage kind, "text": passage text,
//	 "matches": ["Russia", "Putin"], "spans": [[0, 6], [40, 45]],
//	 "region": true (only for regional matches)}
//
// matches lists the words matched, once each, in order of first appearance;
// spans are the byte offsets (UTF-8) of every match in text. An empty or nil
// ms writes []. HTML characters are not escaped.
func WriteJSON(w io.Writer, ms []Match) error {
	out := make([]jsonMatch, len(ms))
	for i, m := range ms {
		j := jsonMatch{Index: m.Passage.Index, Kind: m.Passage.Kind, Text: m.Passage.Text, Region: m.Region,
			Matches: uniqueWords(m.Words), Spans: m.Spans}
		if m.Article != nil {
			j.Article, j.Publisher = m.Article.Title, m.Article.Publisher
		}
		if j.Spans == nil {
			j.Spans = [][2]int{}
		}
		out[i] = j
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("passages: write JSON: %w", err)
	}
	return nil
}

// uniqueWords returns words without repeats, in order of first appearance;
// never nil.
func uniqueWords(words []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// WriteText writes ms as a plain listing for a terminal, one block per
// match separated by blank lines:
//
//	Title (Publisher) #11 paragraph [regional]
//	  passage text
//	  matched: Russia, Armenia
//
// Matched words are listed once each, in order of first appearance. An
// empty ms writes nothing.
func WriteText(w io.Writer, ms []Match) error {
	var b strings.Builder
	for i, m := range ms {
		if i > 0 {
			b.WriteByte('\n')
		}
		title, pub := "(untitled)", ""
		if m.Article != nil {
			title, pub = m.Article.Title, m.Article.Publisher
		}
		b.WriteString(title)
		if pub != "" {
			fmt.Fprintf(&b, " (%s)", pub)
		}
		fmt.Fprintf(&b, " #%d %s", m.Passage.Index, m.Passage.Kind)
		if m.Region {
			b.WriteString(" [regional]")
		}
		fmt.Fprintf(&b, "\n  %s\n", m.Passage.Text)
		var words []string
		for _, wd := range m.Words {
			if !slices.Contains(words, wd) {
				words = append(words, wd)
			}
		}
		if len(words) > 0 {
			fmt.Fprintf(&b, "  matched: %s\n", strings.Join(words, ", "))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("passages: write text: %w", err)
	}
	return nil
}
