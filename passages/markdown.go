package passages

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// markdownParser is CommonMark plus GFM strikethrough (~~text~~). A goldmark
// parser keeps no state between calls to Parse, so one serves every
// goroutine.
var markdownParser = goldmark.New(goldmark.WithExtensions(extension.Strikethrough)).Parser()

// parseMarkdown turns the blocks of a Markdown body into passages; see
// ParseUserArticle for the rules.
func parseMarkdown(src []byte) []Passage {
	w := mdWalker{src: src}
	w.block(markdownParser.Parse(text.NewReader(src)))
	return w.out
}

// mdWalker collects passages from a goldmark syntax tree.
type mdWalker struct {
	src    []byte
	out    []Passage
	inItem int // depth of list items around the current block
}

// emit adds a passage with the white space of t collapsed; empty text adds
// nothing.
func (w *mdWalker) emit(k Kind, t string) {
	t = collapseSpace(t)
	if t == "" {
		return
	}
	w.out = append(w.out, Passage{Index: len(w.out), Kind: k, Text: t})
}

// collapseSpace trims s and turns every run of white space in it into one
// space. It allocates only when it changes s.
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c >= utf8.RuneSelf || c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' &&
			!(c == ' ' && i+1 < len(s) && s[i+1] == ' ')
	}
	if clean && !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf && unicode.IsSpace(r) }) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// block walks a block node and its children.
func (w *mdWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		k := KindHeading
		if n.Level == 1 && len(w.out) == 0 {
			k = KindHeadline
		}
		w.emit(k, w.inlines(n))
	case *ast.Paragraph, *ast.TextBlock:
		w.paragraph(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		w.emit(KindParagraph, w.lines(n))
	case *ast.ThematicBreak:
	case *ast.ListItem:
		w.inItem++
		w.children(n)
		w.inItem--
	default: // document, block quote, list
		w.children(n)
	}
}

func (w *mdWalker) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

// paragraph emits a paragraph (a bullet inside a list item). A line that
// holds only an image becomes a caption with the image's alt text, and
// splits the paragraph around it.
func (w *mdWalker) paragraph(n ast.Node) {
	kind := KindParagraph
	if w.inItem > 0 {
		kind = KindBullet
	}
	var text strings.Builder
	lineStart := n.FirstChild()
	for c := lineStart; c != nil; c = c.NextSibling() {
		t, isText := c.(*ast.Text)
		if c.NextSibling() != nil && (!isText || !t.SoftLineBreak() && !t.HardLineBreak()) {
			continue
		}
		// c ends a line that started at lineStart.
		if img := w.imageAlone(lineStart, c); img != nil {
			w.emit(kind, text.String())
			text.Reset()
			w.emit(KindCaption, w.inlines(img))
		} else {
			for x := lineStart; x != c.NextSibling(); x = x.NextSibling() {
				w.inline(&text, x)
			}
		}
		lineStart = c.NextSibling()
	}
	w.emit(kind, text.String())
}

// imageAlone returns the image among the inline nodes first..last when it
// is the only one that is not white space, or nil.
func (w *mdWalker) imageAlone(first, last ast.Node) *ast.Image {
	var img *ast.Image
	for x := first; ; x = x.NextSibling() {
		switch x := x.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = x
		case *ast.Text:
			if len(bytes.TrimSpace(x.Segment.Value(w.src))) != 0 {
				return nil
			}
		default:
			return nil
		}
		if x == last {
			return img
		}
	}
}

// inlines returns the text a reader sees in n: emphasis, strikethrough and
// link syntax are dropped, code spans keep their content as typed, an
// image gives its alt text, an autolink its address, raw HTML tags nothing;
// backslash escapes and entities are decoded, and line breaks are spaces.
func (w *mdWalker) inlines(n ast.Node) string {
	var b strings.Builder
	w.inline(&b, n)
	return b.String()
}

// inline writes the text of n to b; see inlines.
func (w *mdWalker) inline(b *strings.Builder, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		if v := n.Segment.Value(w.src); n.IsRaw() {
			b.Write(v)
		} else {
			writeDecoded(b, v)
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		if n.IsRaw() || n.IsCode() {
			b.Write(n.Value)
		} else {
			writeDecoded(b, n.Value)
		}
		return
	case *ast.AutoLink:
		b.Write(n.Label(w.src))
		return
	case *ast.RawHTML:
		return
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(w.src))
			} else if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		return
	case *extast.Strikethrough, *ast.Emphasis, *ast.Link, *ast.Image:
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(b, c)
	}
}

// lines returns the raw lines of a code or HTML block joined by spaces.
func (w *mdWalker) lines(n ast.Node) string {
	var b strings.Builder
	ls := n.Lines()
	for i := range ls.Len() {
		seg := ls.At(i)
		b.Write(seg.Value(w.src))
		b.WriteByte(' ')
	}
	return b.String()
}

// writeDecoded writes Markdown text with its backslash escapes and HTML
// entities decoded. An escaped character is literal, so "\&amp;" stays
// "&amp;".
func writeDecoded(b *strings.Builder, v []byte) {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		b.Write(v)
		return
	}
	for len(v) > 0 {
		i := 0
		for i < len(v) && !(v[i] == '\\' && i+1 < len(v) && isASCIIPunct(v[i+1])) {
			i++
		}
		b.WriteString(html.UnescapeString(string(v[:i])))
		if i < len(v) {
			b.WriteByte(v[i+1])
			i += 2
		}
		v = v[i:]
	}
}

// isASCIIPunct reports whether c is one of CommonMark's escapable ASCII
// punctuation characters.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// Limits on the Markdown goldmark is given; see tooMuchMarkup.
const (
	// maxMarkers caps the inline markers ([ ] ` * _ ~ <) in a file.
	maxMarkers = 20_000
	// maxMarkersSquared caps the sum over paragraphs of the square of
	// each paragraph's markers.
	maxMarkersSquared = 4_000_000
	// maxLineNesting caps the block quote and list markers that open
	// one line.
	maxLineNesting = 32
	// maxIndent caps a line's indentation in columns (a tab counts 4),
	// which is what nests list items over lines.
	maxIndent = 128
)

// tooMuchMarkup reports whether s has more Markdown syntax than goldmark
// parses quickly. goldmark's time grows with the square of the brackets,
// emphasis markers or backticks in one paragraph, and of the containers
// opened on one line or nested by indentation (1 MB of "[" takes
// minutes, and 1 MB of ever deeper list items seconds), and by over a
// microsecond per marker even where it is linear. No article needs that
// much syntax, so such a file is read as plain text instead: its text is
// kept, its syntax shown as typed. The check is one pass over s.
func tooMuchMarkup(s string) bool {
	total, squares, para := 0, 0, 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if strings.TrimSpace(line) == "" {
			squares += para * para
			para = 0
			continue
		}
		if lineNesting(line) > maxLineNesting || indent(line) > maxIndent {
			return true
		}
		for i := 0; i < len(line); i++ {
			if isMarker[line[i]] {
				para++
				total++
			}
		}
		if total > maxMarkers || squares+para*para > maxMarkersSquared {
			return true
		}
	}
	return false
}

// indent returns the width of line's leading white space in columns,
// counting a tab as 4.
func indent(line string) int {
	w := 0
	for i := 0; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		if line[i] == '\t' {
			w += 3
		}
		w++
	}
	return w
}

// isMarker holds the bytes tooMuchMarkup counts.
var isMarker = [256]bool{'[': true, ']': true, '`': true, '*': true, '_': true, '~': true, '<': true}

// lineNesting counts the block quote (">") and list ("-", "*", "+", "1."
// or "1)" followed by a space) markers at the start of line.
func lineNesting(line string) int {
	n := 0
	for i := 0; ; n++ {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i == len(line) {
			return n
		}
		switch c := line[i]; {
		case c == '>':
			i++
			continue
		case c == '-' || c == '*' || c == '+':
			i++
		case '0' <= c && c <= '9':
			for i < len(line) && '0' <= line[i] && line[i] <= '9' {
				i++
			}
			if i == len(line) || line[i] != '.' && line[i] != ')' {
				return n
			}
			i++
		default:
			return n
		}
		if i < len(line) && line[i] != ' ' && line[i] != '\t' {
			return n
		}
	}
}
