// Package jsonsyntax checks that a data file is one JSON value and, when it
// is not, says where: the line and column a person's editor shows, and the
// problem in plain words. The alliance and event parsers share it.
package jsonsyntax

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// Problem is a JSON syntax error located in the file.
type Problem struct {
	// Line and Column are 1-based (column in bytes).
	Line, Column int
	// Detail describes the problem, e.g. "JSON syntax error: the file is
	// empty".
	Detail string
}

// Check returns nil when data is one JSON value with nothing but white
// space after it, and otherwise where and what the problem is. Truncated
// input points just past its end; any other error points at the offending
// byte.
func Check(data []byte) *Problem {
	err := check(data)
	if err == nil {
		return nil
	}
	p := &Problem{Detail: "JSON syntax error: " + err.Error()}
	var se *json.SyntaxError
	off := -1
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		p.Detail = "JSON syntax error: the file ends before the JSON does"
		if len(bytes.TrimSpace(data)) == 0 {
			p.Detail = "JSON syntax error: the file is empty"
		}
		off = len(data)
	case errors.As(err, &se):
		// Offset counts the bytes read up to and including the offending
		// one; point at that byte.
		off = min(max(int(se.Offset)-1, 0), len(data))
	}
	if off >= 0 {
		p.Line = 1 + bytes.Count(data[:off], []byte("\n"))
		p.Column = off - bytes.LastIndexByte(data[:off], '\n')
	}
	return p
}

// check decodes data's first value and refuses anything after it.
// Truncated input gives io.ErrUnexpectedEOF, other errors a
// *json.SyntaxError.
func check(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		if errors.Is(err, io.EOF) {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return json.Unmarshal(data, &v) // a *json.SyntaxError with the offset
	}
	return nil
}
