package timeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Class is how far a reader can trust a source's domain, as the source
// policy (assets/sources.json) rates it.
type Class string

// The source classes. Only official, news and research sources can carry a
// fact on their own; reference works may back one up; unreliable domains may
// not be cited at all.
const (
	// ClassOfficial is the alliance itself, treaty depositaries, the UN,
	// governments, parliaments and presidents' sites.
	ClassOfficial Class = "official"
	// ClassNews is a wire service or a news outlet of record.
	ClassNews Class = "news"
	// ClassResearch is a think-tank, a research institute or a journal.
	ClassResearch Class = "research"
	// ClassReference is an encyclopaedia; Wikipedia only by permanent link.
	ClassReference Class = "reference"
	// ClassUnreliable is an aggregator, a content farm, a proxy, a mirror
	// or a network that launders state media.
	ClassUnreliable Class = "unreliable"
	// ClassUnknown is a domain the policy does not list. It never appears
	// in the policy file.
	ClassUnknown Class = "unknown"
)

// valid reports whether c may appear in the policy file.
func (c Class) valid() bool {
	switch c {
	case ClassOfficial, ClassNews, ClassResearch, ClassReference, ClassUnreliable:
		return true
	}
	return false
}

// Carries reports whether a source of class c can carry a fact on its own:
// official, news and research sources can; reference works and unreliable
// or unknown domains cannot.
func (c Class) Carries() bool {
	return c == ClassOfficial || c == ClassNews || c == ClassResearch
}

// Sentinel errors of the source policy and of Check. Every *SourceProblem
// wraps exactly one of the last four.
var (
	// ErrPolicy is a malformed source policy file.
	ErrPolicy = errors.New("timeline: bad source policy")
	// ErrUnknownDomain is a source on a domain the policy does not list.
	ErrUnknownDomain = errors.New("timeline: domain not in the source policy")
	// ErrUnreliableSource is a source on a domain the policy rates
	// unreliable.
	ErrUnreliableSource = errors.New("timeline: unreliable source")
	// ErrNotPermanent is a link to a reference work that needs a permanent
	// link (Wikipedia without oldid=).
	ErrNotPermanent = errors.New("timeline: not a permanent link")
	// ErrNoReputableSource is an event or note with no official, news or
	// research source.
	ErrNoReputableSource = errors.New("timeline: no official, news or research source")
)

// Domain is one entry of the source policy.
type Domain struct {
	// Domain is a lower-case host name, e.g. "nato.int". It covers its
	// subdomains too ("www.nato.int", "shape.nato.int"), unless a longer
	// entry lists the subdomain itself.
	Domain string `json:"domain"`
	// Class is the domain's class; never ClassUnknown.
	Class Class `json:"class"`
	// Publisher is the name a reader knows, e.g. "NATO", "RFE/RL".
	Publisher string `json:"publisher"`
	// Reason says in one line why the domain has its class.
	Reason string `json:"reason"`
	// RequireQuery, when set, names a query parameter a link must carry to
	// count as Class; without it the link is not a permanent one and counts
	// as unreliable ("oldid" for Wikipedia).
	RequireQuery string `json:"require_query,omitempty"`
	// Archive marks a web archive: a link that embeds another URL
	// (…/20090512114922/http://www.america.gov/…) takes the class and the
	// publisher of the archived page; any other link takes the entry's own.
	Archive bool `json:"archive,omitempty"`
}

// Policy is the source policy: the domains the alliance files may cite,
// each with its class. Build it with ParsePolicy; it is read-only and safe
// for concurrent use.
type Policy struct {
	domains  []Domain
	byDomain map[string]*Domain
}

type policyJSON struct {
	Domains []Domain `json:"domains"`
}

// ParsePolicy decodes and checks a source policy file:
//
//	{"domains": [{"domain": "nato.int", "class": "official",
//	              "publisher": "NATO", "reason": "The alliance itself."}, …]}
//
// Every entry needs a lower-case domain (no scheme, path or "www."), one of
// the classes official, news, research, reference or unreliable, a publisher
// and a one-line reason. A domain may be listed once. Unknown keys are
// errors. Errors wrap ErrPolicy and name the entry.
func ParsePolicy(data []byte) (*Policy, error) {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	dec.DisallowUnknownFields()
	var pj policyJSON
	if err := dec.Decode(&pj); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPolicy, err)
	}
	if len(pj.Domains) == 0 {
		return nil, fmt.Errorf("%w: no domains", ErrPolicy)
	}
	p := &Policy{domains: pj.Domains, byDomain: make(map[string]*Domain, len(pj.Domains))}
	for i := range p.domains {
		d := &p.domains[i]
		at := fmt.Sprintf("domains[%d] (%q)", i, d.Domain)
		switch {
		case d.Domain == "" || d.Domain != strings.ToLower(d.Domain) || strings.ContainsAny(d.Domain, "/:@ ") ||
			strings.HasPrefix(d.Domain, "www.") || strings.HasPrefix(d.Domain, ".") || strings.HasSuffix(d.Domain, "."):
			return nil, fmt.Errorf("%w: %s: want a lower-case host name without scheme, path or www.", ErrPolicy, at)
		case !d.Class.valid():
			return nil, fmt.Errorf("%w: %s: unknown class %q (want official, news, research, reference or unreliable)", ErrPolicy, at, d.Class)
		case strings.TrimSpace(d.Publisher) == "":
			return nil, fmt.Errorf("%w: %s: missing publisher", ErrPolicy, at)
		case strings.TrimSpace(d.Reason) == "" || strings.ContainsAny(d.Reason, "\r\n"):
			return nil, fmt.Errorf("%w: %s: the reason must be one non-empty line", ErrPolicy, at)
		}
		if _, dup := p.byDomain[d.Domain]; dup {
			return nil, fmt.Errorf("%w: %s: domain listed twice", ErrPolicy, at)
		}
		p.byDomain[d.Domain] = d
	}
	return p, nil
}

// Domains returns a copy of the policy's entries, in file order.
func (p *Policy) Domains() []Domain {
	return append([]Domain(nil), p.domains...)
}

// Verdict is what the policy says of one source URL.
type Verdict struct {
	// URL is the source as given.
	URL string
	// Domain is the policy entry that matched, or the URL's host when none
	// did.
	Domain string
	// Known is false when no policy entry matched.
	Known bool
	// Class is the source's class: ClassUnknown when not Known, and
	// ClassUnreliable for a link that lacks the entry's RequireQuery.
	Class Class
	// Publisher is the display name, e.g. "NATO" or, for a page in a web
	// archive, "U.S. Department of State (archived)"; the host when not
	// Known.
	Publisher string
	// Reason is the policy's reason for the class.
	Reason string
	// Err is nil for a source that may be cited, or ErrUnknownDomain,
	// ErrUnreliableSource or ErrNotPermanent.
	Err error
}

// lookup finds the entry for host or its nearest parent domain.
func (p *Policy) lookup(host string) (*Domain, bool) {
	for h := host; h != ""; {
		if d, ok := p.byDomain[h]; ok {
			return d, true
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	return nil, false
}

// Classify rates one source URL. A host matches its own entry or, failing
// that, its nearest parent domain's ("en.wikipedia.org" → "wikipedia.org";
// "www." needs no entry). A link into a web archive entry takes the class
// and publisher of the page it archives. A URL that does not parse has no
// host and is unknown.
func (p *Policy) Classify(rawURL string) Verdict {
	return p.classify(rawURL, true)
}

func (p *Policy) classify(rawURL string, followArchive bool) Verdict {
	v := Verdict{URL: rawURL, Class: ClassUnknown}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Host == "" {
		v.Err = fmt.Errorf("%w: %q has no host", ErrUnknownDomain, rawURL)
		return v
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	v.Domain, v.Publisher = host, host
	d, ok := p.lookup(host)
	if !ok {
		v.Err = fmt.Errorf("%w: %s", ErrUnknownDomain, host)
		return v
	}
	v.Domain, v.Known, v.Class, v.Publisher, v.Reason = d.Domain, true, d.Class, d.Publisher, d.Reason
	if d.Archive && followArchive {
		if inner, ok := archived(rawURL); ok {
			iv := p.classify(inner, false)
			if iv.Known {
				iv.URL = rawURL
				iv.Publisher += " (archived)"
				return iv
			}
		}
	}
	switch {
	case d.RequireQuery != "" && u.Query().Get(d.RequireQuery) == "":
		v.Class = ClassUnreliable
		v.Reason = fmt.Sprintf("not a permanent link: %s counts only with %s=", d.Publisher, d.RequireQuery)
		v.Err = fmt.Errorf("%w: %s link without %s=", ErrNotPermanent, d.Publisher, d.RequireQuery)
	case d.Class == ClassUnreliable:
		v.Err = fmt.Errorf("%w: %s (%s)", ErrUnreliableSource, d.Domain, d.Reason)
	}
	return v
}

// archived returns the URL a web-archive link embeds, e.g. the
// "http://www.nato.int/…" of "https://archive.example/2012/http://www.nato.int/…".
func archived(rawURL string) (string, bool) {
	_, rest, ok := strings.Cut(rawURL, "://")
	if !ok {
		return "", false
	}
	for _, scheme := range []string{"/http://", "/https://"} {
		if i := strings.Index(rest, scheme); i >= 0 {
			return rest[i+1:], true
		}
	}
	return "", false
}

// Describe returns the publisher's display name and the class of a source
// URL, for the panel, the Data sources dialog and status --json: ("NATO",
// "official"), ("Reuters", "news"). A domain missing from the policy gives
// its host and "unknown".
func (p *Policy) Describe(rawURL string) (publisher, class string) {
	v := p.Classify(rawURL)
	return v.Publisher, string(v.Class)
}

// Label is Describe as one string, e.g. "NATO (official)".
func (p *Policy) Label(rawURL string) string {
	pub, class := p.Describe(rawURL)
	return pub + " (" + class + ")"
}

// SourceProblem is one way an alliance file falls short of the source
// policy. It is an error that unwraps to ErrUnknownDomain,
// ErrUnreliableSource, ErrNotPermanent or ErrNoReputableSource.
type SourceProblem struct {
	// File is the alliance file (Alliance.File).
	File string
	// Country is the ISO3 code, or "" for an alliance-level note.
	Country string
	// Date is the event's date, or the zero time for a country note.
	Date time.Time
	// Field is the JSON path of the item, e.g. "events[3].sources[1]" or
	// "notes[0]".
	Field string
	// URL is the source concerned, or "" for ErrNoReputableSource.
	URL string
	// Err is the sentinel, possibly wrapped with detail.
	Err error
}

// Error formats the problem as "FILE: COUNTRY DATE: FIELD: DETAIL".
func (p *SourceProblem) Error() string {
	c, d := p.columns()
	return fmt.Sprintf("%s: %s %s: %s: %s", p.File, c, d, p.Field, p.detail())
}

// Line formats the problem as one tab-separated line, FILE, COUNTRY, DATE
// and the problem ("-" for no country or no date), for check-data.
func (p *SourceProblem) Line() string {
	c, d := p.columns()
	return p.File + "\t" + c + "\t" + d + "\t" + p.Field + ": " + p.detail()
}

func (p *SourceProblem) columns() (country, date string) {
	country, date = p.Country, "-"
	if country == "" {
		country = "-"
	}
	if !p.Date.IsZero() {
		date = p.Date.Format(time.DateOnly)
	}
	return country, date
}

func (p *SourceProblem) detail() string {
	msg := strings.TrimPrefix(p.Err.Error(), "timeline: ")
	if p.URL != "" {
		msg += ": " + p.URL
	}
	return msg
}

// Unwrap returns the wrapped sentinel.
func (p *SourceProblem) Unwrap() error { return p.Err }

// Check returns every way a falls short of the policy, in file order
// (sourced alliance names, alliance notes, then countries by ISO): a source on a domain the policy
// does not list, on an unreliable domain, or a reference link that is not
// permanent; and an event, note or country note without at least one
// official, news or research source. An alliance that meets the policy
// gives nil.
func (p *Policy) Check(a *Alliance) []*SourceProblem {
	var out []*SourceProblem
	item := func(country string, date time.Time, field string, sources []string) {
		reputable := false
		for i, s := range sources {
			v := p.Classify(s)
			if v.Err != nil {
				out = append(out, &SourceProblem{File: a.File, Country: country, Date: date,
					Field: fmt.Sprintf("%s.sources[%d]", field, i), URL: s, Err: v.Err})
				continue
			}
			reputable = reputable || v.Class.Carries()
		}
		if !reputable {
			out = append(out, &SourceProblem{File: a.File, Country: country, Date: date, Field: field,
				Err: ErrNoReputableSource})
		}
	}
	for i, n := range a.Names {
		// A name change is a sourced fact; a name with no sources (the
		// first one, in force from the start) is left to Parse.
		if len(n.Sources) > 0 {
			item("", n.From, fmt.Sprintf("names[%d]", i), n.Sources)
		}
	}
	for i, e := range a.Notes {
		item("", e.Date, fmt.Sprintf("notes[%d]", i), e.Sources)
	}
	for _, c := range a.Countries {
		if len(c.Sources) > 0 || c.Note != "" {
			item(c.ISO, time.Time{}, "note", c.Sources)
		}
		for i, e := range c.Events {
			item(c.ISO, e.Date, fmt.Sprintf("events[%d]", i), e.Sources)
		}
	}
	return out
}
