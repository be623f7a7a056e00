package typeset

import (
	"encoding/xml"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Hex returns c as an SVG colour, "#rrggbb".
func Hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Num appends v, a coordinate, with at most two decimals.
func Num(b []byte, v float64) []byte {
	v = math.Round(v*100) / 100
	if v == math.Trunc(v) {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// Esc returns t for XML character data or a quoted attribute value:
// escaped by encoding/xml (which also writes tab, newline and carriage
// return as references, so they survive in attributes), with invalid UTF-8
// turned into U+FFFD, and without the characters XML 1.0 forbids (the C0
// controls other than tab, newline and carriage return, U+FFFE and U+FFFF)
// or discourages (DEL and the C1 controls).
func Esc(t string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(strings.Map(xmlChar, t))) // a strings.Builder does not fail
	return b.String()
}

// xmlChar is r, or -1 (drop it) if r has no place in an XML document.
func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return r
	case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF:
		return -1
	}
	return r
}

// SVGText returns t as an SVG <text> element with class class (which may
// be ""): in the Go fonts where installed, with textLength holding it to
// the width it has in the Go fonts, which the layout was made with,
// whatever font the viewer falls back to.
func (fs Faces) SVGText(class string, t Text) string {
	family, weight := FontFamily, "normal"
	if t.Bold {
		family, weight = BoldFontFamily, "bold"
	}
	cls := ""
	if class != "" {
		cls = `class="` + Esc(class) + `" `
	}
	return fmt.Sprintf(`<text %sx="%s" y="%s" font-family="%s" font-size="%s" font-weight="%s" fill="%s" text-anchor="%s" textLength="%s" lengthAdjust="spacingAndGlyphs">%s</text>`,
		cls, Num(nil, t.X), Num(nil, t.Y), family, Num(nil, t.Size), weight, Hex(t.Colour), t.Anchor.SVG(),
		Num(nil, fs.Width(t.Bold, t.Size, t.Text)), Esc(t.Text))
}
