package geo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// compactMagic starts every compact outlines file; the digit is the format
// version.
const compactMagic = "CSTOGEO2"

// ErrCompactFormat is returned by LoadCompact for data that is not a
// compact outlines file or is truncated.
var ErrCompactFormat = errors.New("geo: not a compact outlines file")

// EncodeCompact writes countries in the compact binary form that
// LoadCompact reads: little-endian counts, length-prefixed strings and
// float64 lon/lat pairs, so that start-up needs no JSON decoding and the
// coordinates are bit-for-bit those of the GeoJSON.
func EncodeCompact(countries []Country) []byte {
	var b bytes.Buffer
	b.WriteString(compactMagic)
	u32 := func(v int) { _ = binary.Write(&b, binary.LittleEndian, uint32(v)) }
	str := func(s string) { u32(len(s)); b.WriteString(s) }
	u32(len(countries))
	var buf [16]byte
	for _, c := range countries {
		str(c.ISO)
		str(c.Name)
		str(c.LongName)
		str(c.Sovereign)
		disputed := 0
		if c.Disputed {
			disputed = 1
		}
		u32(disputed)
		u32(len(c.Geometry))
		for _, p := range c.Geometry {
			u32(len(p))
			for _, r := range p {
				u32(len(r))
				for _, pt := range r {
					binary.LittleEndian.PutUint64(buf[0:], math.Float64bits(pt[0]))
					binary.LittleEndian.PutUint64(buf[8:], math.Float64bits(pt[1]))
					b.Write(buf[:])
				}
			}
		}
	}
	return b.Bytes()
}

// decodeCompact reads what EncodeCompact wrote. All points share one backing
// array, so decoding makes only a handful of allocations.
func decodeCompact(data []byte) ([]Country, error) {
	d := decoder{data: data}
	if !bytes.HasPrefix(data, []byte(compactMagic)) {
		return nil, ErrCompactFormat
	}
	d.off = len(compactMagic)
	n := d.u32()
	if d.err != nil || n > 1<<16 {
		return nil, fmt.Errorf("%w: bad country count", ErrCompactFormat)
	}
	// Points take 16 bytes each; the rest of the file bounds their number.
	pts := make([]orb.Point, 0, (len(data)-d.off)/16)
	countries := make([]Country, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		c := Country{ISO: d.str(), Name: d.str(), LongName: d.str(), Sovereign: d.str()}
		switch d.u32() {
		case 0:
		case 1:
			c.Disputed = true
		default:
			d.err = ErrCompactFormat
		}
		np := d.u32()
		if d.err != nil || np > len(data) {
			d.err = ErrCompactFormat
			break
		}
		c.Geometry = make(orb.MultiPolygon, np)
		for j := range c.Geometry {
			nr := d.u32()
			if d.err != nil || nr > len(data) {
				d.err = ErrCompactFormat
				break
			}
			poly := make(orb.Polygon, nr)
			for k := range poly {
				nv := d.u32()
				if d.err != nil || nv*16 > len(data)-d.off {
					d.err = ErrCompactFormat
					break
				}
				start := len(pts)
				for v := 0; v < nv; v++ {
					x := math.Float64frombits(binary.LittleEndian.Uint64(data[d.off:]))
					y := math.Float64frombits(binary.LittleEndian.Uint64(data[d.off+8:]))
					d.off += 16
					pts = append(pts, orb.Point{x, y})
				}
				poly[k] = orb.Ring(pts[start:len(pts):len(pts)])
			}
			c.Geometry[j] = poly
		}
		countries = append(countries, c)
	}
	if d.err != nil || len(countries) != n {
		return nil, fmt.Errorf("%w: truncated at byte %d", ErrCompactFormat, d.off)
	}
	if d.off != len(data) {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrCompactFormat, len(data)-d.off)
	}
	return countries, nil
}

type decoder struct {
	data []byte
	off  int
	err  error
}

func (d *decoder) u32() int {
	if d.err != nil || d.off+4 > len(d.data) {
		d.err = ErrCompactFormat
		return 0
	}
	v := binary.LittleEndian.Uint32(d.data[d.off:])
	d.off += 4
	return int(v)
}

func (d *decoder) str() string {
	n := d.u32()
	if d.err != nil || n > len(d.data)-d.off {
		d.err = ErrCompactFormat
		return ""
	}
	s := string(d.data[d.off : d.off+n])
	d.off += n
	return s
}

// LoadCompact decodes a compact outlines file and indexes it for lookup
// (hit testing indexes itself on first use).
func LoadCompact(data []byte) (*World, error) {
	countries, err := decodeCompact(data)
	if err != nil {
		return nil, err
	}
	return NewWorld(countries)
}

// DecodeCompact reads what EncodeCompact wrote, without indexing it: for a
// file of outlines that are not a world of their own (the historical
// units' parts, see package units).
func DecodeCompact(data []byte) ([]Country, error) {
	return decodeCompact(data)
}
