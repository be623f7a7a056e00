package passages

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says what part of an article a passage is.
type Kind string

// The passage kinds. Photo credits and page boilerplate are never passages,
// so they have no kind.
const (
	// KindHeadline is the article's headline (at most one, always index 0).
	KindHeadline Kind = "headline"
	// KindBullet is a summary bullet or list item.
	KindBullet Kind = "bullet"
	// KindHeading is a section heading inside the article.
	KindHeading Kind = "heading"
	// KindParagraph is a body paragraph.
	KindParagraph Kind = "paragraph"
	// KindCaption is a photo caption or a photo's description (alt text).
	KindCaption Kind = "caption"
)

// Meta describes an article. Its JSON form is the sidecar file of a bundled
// article (seeds/*.json).
type Meta struct {
	// ID identifies the article in an [Index]; it must be unique there.
	ID string `json:"id"`
	// Title is the article's title as published.
	Title string `json:"title"`
	// Publisher is the outlet, e.g. "Insider".
	Publisher string `json:"publisher"`
	// Published is the publication date or period as known, free text
	// ("2023-06-28", "summer 2023"); empty when unknown.
	Published string `json:"published"`
	// PublishedNote explains how Published was worked out when the date
	// is not printed in the article.
	PublishedNote string `json:"published_note,omitempty"`
	// URL is the original address; empty when unknown.
	URL string `json:"url"`
	// Experts lists the people the article quotes as experts.
	Experts []string `json:"experts,omitempty"`
}

// Passage is one kept part of an article.
type Passage struct {
	// Index is the passage's position in its article, counted from 0 over
	// kept passages only: the headline (if any) is 0, and dropped lines
	// (photo credits, page boilerplate, an image description identical to
	// the caption that follows it) take no index. Index equals the
	// passage's position in Article.Passages.
	Index int
	// Kind is what part of the article the passage is.
	Kind Kind
	// Text is the passage as published, with only surrounding white space
	// trimmed (typos and the "•" of a bullet are kept). It has no line
	// breaks. For Markdown input, the Markdown syntax is removed, see
	// [ParseUserArticle].
	Text string
}

// Article is an article split into passages.
type Article struct {
	Meta
	// Passages are in document order; Passages[i].Index == i.
	Passages []Passage
}

// ErrNotText, ErrEmpty and ErrTooLarge are the reasons an input is refused.
// Errors returned by this package wrap them; test with errors.Is.
var (
	// ErrNotText: the input has a NUL byte or is not valid UTF-8.
	ErrNotText = errors.New("passages: not a text file")
	// ErrEmpty: the input is empty, white space only, or has nothing left
	// once metadata, photo credits and boilerplate are removed.
	ErrEmpty = errors.New("passages: no text")
	// ErrTooLarge: the input is over [MaxUserArticleSize] bytes.
	ErrTooLarge = errors.New("passages: file too large")
)

// ParseArticle splits a scraped plain-text article into passages and
// classifies them. It is written for pages scraped the way the bundled seed
// was: one passage per line, passages separated by blank lines. Its rules,
// applied in this order:
//
//  1. Page boilerplate: the first line reading "Source link", "We will be
//     happy to hear your thoughts", "Leave a reply", "Leave a comment",
//     "Related posts" or "Related articles" (any case, trailing ":" or "."
//     ignored) and everything after it are dropped.
//  2. The first line is the headline if it has no final sentence
//     punctuation or equals meta.Title; otherwise it is classified like
//     the rest.
//  3. A line starting with "•", "◦", "▪", "-" or "*" followed by a space is
//     a bullet (the marker stays in Text).
//  4. A photo credit is dropped: a line of at most 12 words that names a
//     photo agency or credit marker ("Getty Images", "REUTERS", "AP Photo",
//     "via AP", "AFP", "Photolure", "Press Service", "Contributor", ...).
//  5. Captions come as a photo block: an optional image description (alt
//     text) and the caption. The line right before a credit is a caption;
//     the line before that is one too if it has no final punctuation or
//     "repeats" the caption: the two share at least two thirds of the
//     content words (4 letters or more) of the one with fewer. Without a
//     credit, two lines followed by two or more blank lines are a photo
//     block when the first repeats the second. An image description
//     identical to its caption is dropped, so the caption appears once.
//  6. Any other line with no final sentence punctuation and at most 12
//     words is a heading; the rest are paragraphs.
//
// It returns ErrNotText for a NUL byte or invalid UTF-8 and ErrEmpty when no
// passage is left. A leading UTF-8 byte order mark is ignored; line endings
// may be LF, CRLF or CR. The result's Meta is meta, unchanged.
func ParseArticle(meta Meta, text []byte) (*Article, error) {
	if err := checkText(text); err != nil {
		return nil, err
	}
	ps := classify(splitLines(string(text)), meta.Title)
	if len(ps) == 0 {
		return nil, fmt.Errorf("%w: %q has no passages", ErrEmpty, meta.ID)
	}
	return &Article{Meta: meta, Passages: ps}, nil
}

// checkText refuses input that is not UTF-8 text.
func checkText(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrNotText, i)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("%w: invalid UTF-8", ErrNotText)
	}
	return nil
}

// normalizeNewlines strips a byte order mark and turns CRLF and CR into LF.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// textLine is a non-blank line with the number of blank lines after it.
type textLine struct {
	text     string
	gapAfter int
}

// splitLines returns the trimmed non-blank lines of s.
func splitLines(s string) []textLine {
	s = normalizeNewlines(s)
	// One allocation: growing the slice line by line cost a third of the
	// time of a file of 260,000 short lines.
	out := make([]textLine, 0, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		var l string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			l, s = s, ""
		}
		l = strings.TrimSpace(l)
		if l == "" {
			if len(out) > 0 {
				out[len(out)-1].gapAfter++
			}
			continue
		}
		out = append(out, textLine{text: l})
	}
	return out
}

// kindCredit and kindDrop mark lines that are not passages.
const (
	kindNone   Kind = ""
	kindCredit Kind = "-credit"
	kindDrop   Kind = "-drop"
)

// classify implements the rules documented on ParseArticle.
func classify(lines []textLine, title string) []Passage {
	for i, l := range lines {
		if isBoilerplate(l.text) {
			lines = lines[:i]
			break
		}
	}
	n := len(lines)
	if n == 0 {
		return nil
	}
	kinds := make([]Kind, n)
	if !hasFinalPunct(lines[0].text) || lines[0].text == title {
		kinds[0] = KindHeadline
	}
	for i, l := range lines {
		if kinds[i] != kindNone {
			continue
		}
		switch {
		case isBulletLine(l.text):
			kinds[i] = KindBullet
		case isCredit(l.text):
			kinds[i] = kindCredit
		}
	}
	free := func(i int) bool { return i >= 0 && i < n && kinds[i] == kindNone }
	caption := func(alt, capt int) {
		kinds[capt] = KindCaption
		if alt < 0 {
			return
		}
		kinds[alt] = KindCaption
		if lines[alt].text == lines[capt].text {
			kinds[alt] = kindDrop
		}
	}
	// Photo blocks ending in a credit.
	for i := range lines {
		if kinds[i] != kindCredit || !free(i-1) {
			continue
		}
		alt := i - 2
		isAlt := free(alt) && (!hasFinalPunct(lines[alt].text) || repeats(lines[alt].text, lines[i-1].text))
		if !isAlt {
			alt = -1
		}
		caption(alt, i-1)
	}
	// Photo blocks without a credit: two lines, then a wider gap.
	for j := 1; j < n-1; j++ {
		if lines[j].gapAfter >= 2 && free(j) && free(j-1) && lines[j-1].gapAfter == 1 &&
			repeats(lines[j-1].text, lines[j].text) {
			caption(j-1, j)
		}
	}
	out := make([]Passage, 0, n)
	for i, l := range lines {
		k := kinds[i]
		switch k {
		case kindCredit, kindDrop:
			continue
		case kindNone:
			k = KindParagraph
			if isHeadingShaped(l.text) {
				k = KindHeading
			}
		}
		out = append(out, Passage{Index: len(out), Kind: k, Text: l.text})
	}
	return out
}

// boilerplate lines end the article text; see ParseArticle.
var boilerplate = []string{
	"source link",
	"we will be happy to hear your thoughts",
	"leave a reply",
	"leave a comment",
	"related posts",
	"related articles",
}

func isBoilerplate(s string) bool {
	s = strings.TrimRight(s, ":.")
	for _, b := range boilerplate {
		if strings.EqualFold(s, b) {
			return true
		}
	}
	return false
}

// isBulletLine reports whether s starts with a bullet marker and a space.
func isBulletLine(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '◦', '▪', '-', '*':
	default:
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[size:])
	return unicode.IsSpace(next)
}

// creditMarkers name photo agencies and credit words; see isCredit.
var creditMarkers = []string{
	"Getty Images", "REUTERS", "Reuters", "AP Photo", "AP", "AFP", "EPA",
	"Photolure", "Shutterstock", "Sputnik", "TASS", "Anadolu", "Xinhua",
	"Press Service", "Contributor", "Photo by", "Credit",
}

// isCredit reports whether s is a short line naming a photo source.
func isCredit(s string) bool {
	if !atMostWords(s, 12) {
		return false
	}
	for _, m := range creditMarkers {
		if containsWord(s, m) {
			return true
		}
	}
	return false
}

// containsWord reports whether word occurs in s as a whole word.
func containsWord(s, word string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], word)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(word)
		if isWordBoundary(s, start) && isWordBoundary(s, end) {
			return true
		}
		off = start + 1
	}
}

// isWordBoundary reports whether byte offset i of s is not inside a word.
func isWordBoundary(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(before) || !isWordRune(after)
}

// hasFinalPunct reports whether s ends a sentence: its last rune, after any
// closing quotes and brackets, is one of . ! ? : ; , …
func hasFinalPunct(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune(")]\"'”’»", r) || unicode.IsSpace(r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;,…", r)
}

// isHeadingShaped reports whether s looks like a section heading.
func isHeadingShaped(s string) bool {
	return !hasFinalPunct(s) && atMostWords(s, 12)
}

// atMostWords reports whether s has at most max runs of non-space runes.
// It stops counting early and does not allocate.
func atMostWords(s string, max int) bool {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			if n++; n > max {
				return false
			}
		}
		in = !space
	}
	return true
}

// repeats reports whether a and b are the same text, or share at least
// two thirds of the content words (4 letters or more) of the one with
// fewer such words. Image descriptions and their captions do; a heading and
// the paragraph after it do not.
func repeats(a, b string) bool {
	if a == b {
		return true
	}
	wa, wb := contentWords(a), contentWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	common := 0
	for w := range wa {
		if _, ok := wb[w]; ok {
			common++
		}
	}
	return common*3 >= len(wa)*2
}

func contentWords(s string) map[string]struct{} {
	out := map[string]struct{}{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
		if utf8.RuneCountInString(w) >= 4 {
			out[strings.ToLower(w)] = struct{}{}
		}
	}
	return out
}

// isWordRune reports whether r can be part of a word: a letter, digit or
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
