package passages

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"strings"
)

// MaxUserArticleSize is the largest file [ParseUserArticle] accepts, in
// bytes (5 MiB); a file of exactly this size is accepted.
const MaxUserArticleSize = 5 << 20

// ParseUserArticle reads an article file a user opened. name is the file's
// name (only its base name and extension are used); data is its content.
//
// Refusals, in this order: over [MaxUserArticleSize] bytes (ErrTooLarge);
// a NUL byte or invalid UTF-8, which also catches UTF-16 and binary files
// (ErrNotText); empty or white space only, or nothing left after the
// metadata (ErrEmpty). A leading byte order mark is ignored and CRLF or CR
// line endings are accepted.
//
// Metadata may open the file, in either or both of two forms:
//
//	---
//	title: Russia NATO Equivalent Ineffective
//	publisher: Insider
//	date: 2023-07-01
//	url: https://example.com/article
//	experts: Thomas Graham, Alexander Cooley
//	---
//
// (front matter: the first line is exactly "---" and a later line is "---"
// or "..."; one "key: value" per line, values may be quoted, experts may
// also be a [a, b] list or "- name" lines; unknown keys are ignored; with
// no closing line there is no front matter), and then header lines such as
//
//	Title: Russia NATO Equivalent Ineffective
//	Publisher: Insider
//
// (consecutive "Key: value" lines at the top with a known key; the first
// other line ends them). Known keys, any case: title; publisher, source,
// site, outlet; date, published; url, link; experts; and, in front matter
// only, note (PublishedNote). When both forms give a field, the front
// matter wins.
//
// Files named *.md, *.markdown, *.mdown or *.mkd are Markdown (CommonMark
// and GFM strikethrough, parsed with goldmark): "#" headings (and "===" /
// "---" underlined ones) become headings, the first level-1 heading before
// any text becomes the headline; list items, nested ones too, become
// bullets; an image alone on a line becomes a caption with its alt text
// (and splits its paragraph); a paragraph's lines are joined with a space;
// code blocks and HTML blocks are paragraphs of their text as typed; block
// quote markers, thematic breaks and link reference definitions are
// dropped. The shown text has its Markdown syntax removed: emphasis (*, **,
// _, __, ~~), code span backticks, backslash escapes, link and image syntax
// ([text](url) and [text][ref] become text, ![alt](url) alt) and raw HTML
// tags are stripped, autolinks give their address, and HTML entities are
// decoded, so that [Markdown] can escape the text again for display.
// Markers that do not pair up are kept as typed. A Markdown file with more
// syntax than an article needs (over 20,000 brackets, emphasis markers and
// backticks, or about 2,000 in one paragraph, or lines nested over 32 deep
// or indented over 128 columns), which would take a Markdown parser
// seconds to minutes, is read as plain text. Every other file is plain text and is classified like a seed (see
// [ParseArticle]).
//
// The article's ID is "user_" and the first 16 hex digits of the SHA-256
// of data, so opening the same file twice gives the same ID (and
// [Index.Add] refuses the second). Its Title is the metadata title, else
// the headline, else the file's base name without extension.
func ParseUserArticle(name string, data []byte) (*Article, error) {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	if base == "." || base == "/" {
		base = "untitled"
	}
	if len(data) > MaxUserArticleSize {
		return nil, fmt.Errorf("%w: %s is %d bytes, the limit is %d", ErrTooLarge, base, len(data), MaxUserArticleSize)
	}
	if err := checkText(data); err != nil {
		return nil, fmt.Errorf("%w (%s)", err, base)
	}
	s := normalizeNewlines(string(data))
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("%w: %s is empty", ErrEmpty, base)
	}
	meta, body := readMeta(s)
	sum := sha256.Sum256(data)
	meta.ID = "user_" + hex.EncodeToString(sum[:8])

	var ps []Passage
	if isMarkdownName(base) && !tooMuchMarkup(body) {
		ps = parseMarkdown([]byte(body))
	} else {
		ps = classify(splitLines(body), meta.Title)
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("%w: %s has no text besides its metadata", ErrEmpty, base)
	}
	if meta.Title == "" && ps[0].Kind == KindHeadline {
		meta.Title = ps[0].Text
	}
	if meta.Title == "" {
		meta.Title = strings.TrimSuffix(base, path.Ext(base))
	}
	if meta.Title == "" { // a name like ".md"
		meta.Title = base
	}
	return &Article{Meta: meta, Passages: ps}, nil
}

func isMarkdownName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

// readMeta takes front matter and header lines off the top of s.
func readMeta(s string) (Meta, string) {
	var m Meta
	// Lines are cut off the front one by one, so a large body is not
	// copied.
	if first, r, _ := strings.Cut(s, "\n"); strings.TrimRight(first, " \t") == "---" {
		var fm []string
		for {
			l, next, more := strings.Cut(r, "\n")
			if t := strings.TrimRight(l, " \t"); t == "---" || t == "..." {
				setFrontMatter(&m, fm)
				s = next
				break
			}
			if !more {
				break // no closing line: no front matter
			}
			fm, r = append(fm, l), next
		}
	}
	// Header lines, after any blank lines.
	r := s
	for r != "" {
		l, next, _ := strings.Cut(r, "\n")
		if strings.TrimSpace(l) != "" {
			break
		}
		r = next
	}
	hdr, found := Meta{}, false
	for r != "" {
		l, next, _ := strings.Cut(r, "\n")
		k, v, ok := splitKeyValue(l)
		if !ok || strings.Contains(k, "note") || !setField(&hdr, k, v) {
			break
		}
		r, found = next, true
	}
	if found {
		fillEmpty(&m, hdr)
		s = r
	}
	return m, s
}

var keyValueRE = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z _-]{0,30}?)\s*:\s*(.*?)\s*$`)

func splitKeyValue(l string) (key, value string, ok bool) {
	sm := keyValueRE.FindStringSubmatch(l)
	if sm == nil {
		return "", "", false
	}
	return strings.ToLower(sm[1]), sm[2], true
}

// setFrontMatter reads "key: value" lines; unknown keys are ignored. A key
// with no value may be followed by "- item" lines (used for experts).
func setFrontMatter(m *Meta, lines []string) {
	listKey := ""
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if item, ok := strings.CutPrefix(t, "- "); ok && listKey != "" {
			if isExpertsKey(listKey) {
				m.Experts = append(m.Experts, unquote(item))
			}
			continue
		}
		listKey = ""
		k, v, ok := splitKeyValue(l)
		switch {
		case !ok:
		case v == "":
			listKey = k
		default:
			setField(m, k, v)
		}
	}
}

func isExpertsKey(k string) bool { return k == "experts" || k == "expert" }

// setField sets the field named key (see ParseUserArticle) and reports
// whether the key is known.
func setField(m *Meta, key, v string) bool {
	key = strings.NewReplacer("_", " ", "-", " ").Replace(key)
	if isExpertsKey(key) {
		v = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "["), "]")
		for _, e := range strings.Split(v, ",") {
			if e = unquote(e); e != "" {
				m.Experts = append(m.Experts, e)
			}
		}
		return true
	}
	v = unquote(v)
	switch key {
	case "title":
		m.Title = v
	case "publisher", "source", "site", "outlet":
		m.Publisher = v
	case "date", "published":
		m.Published = v
	case "url", "link":
		m.URL = v
	case "note", "published note":
		m.PublishedNote = v
	default:
		return false
	}
	return true
}

func fillEmpty(m *Meta, from Meta) {
	for _, f := range []struct{ dst, src *string }{
		{&m.Title, &from.Title}, {&m.Publisher, &from.Publisher}, {&m.Published, &from.Published},
		{&m.URL, &from.URL}, {&m.PublishedNote, &from.PublishedNote},
	} {
		if *f.dst == "" {
			*f.dst = *f.src
		}
	}
	if len(m.Experts) == 0 {
		m.Experts = from.Experts
	}
}

func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		return v[1 : len(v)-1]
	}
	return v
}
