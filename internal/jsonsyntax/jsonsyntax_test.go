package jsonsyntax

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		ok         bool
		line, col  int
		detailPart string
	}{
		{"valid", `{"a": 1}`, true, 0, 0, ""},
		{"valid with trailing space", "{\"a\": 1}\n\n", true, 0, 0, ""},
		{"empty", "", false, 1, 1, "the file is empty"},
		{"only space", "  \n", false, 2, 1, "the file is empty"},
		{"truncated", "{\"a\":\n 1", false, 2, 3, "ends before the JSON does"},
		{"bad byte on line 2", "{\"a\": 1,\n }", false, 2, 2, "invalid character '}'"},
		{"trailing garbage", "{}\nx", false, 2, 1, "invalid character 'x'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Check([]byte(tt.in))
			if tt.ok {
				assert.Nil(t, p)
				return
			}
			if assert.NotNil(t, p) {
				assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{p.Line, p.Column})
				assert.Contains(t, p.Detail, tt.detailPart)
			}
		})
	}
}
