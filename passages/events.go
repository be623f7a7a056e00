package passages

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"cstomap/events"
)

// EventLink is a passage that speaks of an event. Words and Spans hold
// what linked it: the country, the time and the event's own words.
type EventLink struct {
	Match
	// Reasons say why, one short phrase each, e.g. "names Kazakhstan",
	// "says January 2022", "says “intervene”".
	Reasons []string
}

// kindWords are the words that say what kind of event a passage speaks
// of, matched whole and ignoring case.
var kindWords = map[events.Kind][]string{
	events.KindRequest: {"asked for help", "asked", "ask", "asks", "request", "requested", "requests",
		"called on", "call for help", "calls for help", "appealed", "appeal", "help"},
	events.KindDeployment: {"intervene", "intervened", "intervention", "deployed", "deployment", "sent", "send",
		"force", "forces", "troops", "peacekeepers", "peacekeeping"},
	events.KindClash:      {"clash", "clashes", "clashed", "fighting", "skirmish", "skirmishes", "border conflict"},
	events.KindBase:       {"base", "bases", "air base", "airbase", "military base", "military bases", "lease"},
	events.KindInvocation: {"Article 5", "Article 4", "invoked", "invocation", "collective defence", "collective defense"},
}

var (
	yearRe = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)
	// monthYearRe finds a month before a year, with a day between or not:
	// "January 2022", "November 23, 2022", "May, 16, 2022".
	monthYearRe = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\b[\s,]+(?:\d{1,2}(?:st|nd|rd|th)?[\s,]+)?(1[89]\d\d|20\d\d)\b`)
	// relativeRe finds times said relative to when the article was
	// published.
	relativeRe = regexp.MustCompile(`(?i)\b(last year|this year|recently)\b`)
	months     = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)

// PublishedYear returns the year in an article's Published text ("summer
// 2023" → 2023), or 0 when it names none.
func PublishedYear(m Meta) int {
	if y := yearRe.FindString(m.Published); y != "" {
		n, _ := strconv.Atoi(y)
		return n
	}
	return 0
}

// ForEvent returns the passages that speak of the event e, in article and
// passage order. A passage speaks of it when it does all three:
//
//   - it names one of the event's countries (directly: by name, demonym,
//     place or leader, as [Index.For] finds them; the event's place is a
//     place alias of its country);
//   - it names a time the event touches: a year within the event's years
//     (see events.Event.Years, with today ending an open-ended event),
//     and if a month stands before the year ("January 2022") a month the
//     event touches; or "last year", "this year" or "recently", read
//     against the year the article was published ("recently" means that
//     year or the one before);
//   - it uses a word of the event's kind ("asked", "called on" and "help"
//     for a request; "intervene", "sent", "troops" for a deployment;
//     "clash" for a clash; "base" for a base; "Article 5" for an
//     invocation);
//   - for a base, of which a country may have several, it also names the
//     base's place ("Kant") or the country that operates it.
//
// A passage that names a time only through a month outside the event
// ("April 2022" for a January 2022 event) does not speak of it. The
// event's place words ("Almaty") are added to the reasons when present.
func (ix *Index) ForEvent(e *events.Event, today time.Time) []EventLink {
	type key struct {
		a *Article
		i int
	}
	found := map[key]*EventLink{}
	var order []key
	for _, iso := range e.ISO {
		for _, m := range ix.For(iso) {
			if m.Region {
				continue
			}
			k := key{m.Article, m.Passage.Index}
			if l, ok := found[k]; ok {
				l.add(m.Spans, m.Words, "names "+strings.Join(uniq(m.Words), ", "))
				continue
			}
			found[k] = &EventLink{Match: Match{Article: m.Article, Passage: m.Passage}}
			found[k].add(m.Spans, m.Words, "names "+strings.Join(uniq(m.Words), ", "))
			order = append(order, k)
		}
	}
	// The passages that name a base's operator.
	operators := map[key]Match{}
	for _, a := range e.Actors {
		if a.Role != events.RoleOperates || a.ISO == "" {
			continue
		}
		for _, m := range ix.For(a.ISO) {
			if !m.Region {
				operators[key{m.Article, m.Passage.Index}] = m
			}
		}
	}
	first, last := e.Years(today)
	var out []EventLink
	for _, k := range order {
		l := found[k]
		text := l.Passage.Text
		when, whenSpans := eventTime(e, first, last, text, PublishedYear(k.a.Meta))
		if when == "" {
			continue
		}
		what, whatSpans := wordsIn(text, kindWords[e.Kind])
		if len(what) == 0 {
			continue
		}
		place, placeSpans := wordsIn(text, placeWords(e.Place))
		op, named := operators[k]
		if e.Kind == events.KindBase && len(place) == 0 && !named {
			continue // a base, but maybe another one: say where, or whose
		}
		l.add(whenSpans, spanWords(text, whenSpans), when)
		l.add(whatSpans, spanWords(text, whatSpans), "says “"+strings.Join(uniq(what), "”, “")+"”")
		if len(place) > 0 {
			l.add(placeSpans, spanWords(text, placeSpans), "names "+strings.Join(uniq(place), ", "))
		}
		if named {
			l.add(op.Spans, op.Words, "names "+strings.Join(uniq(op.Words), ", "))
		}
		l.normalise()
		out = append(out, *l)
	}
	return out
}

// eventTime returns how text names a time of the event (years first…last),
// e.g. "says January 2022", with the spans, or "" when it names none.
func eventTime(e *events.Event, first, last int, text string, published int) (string, [][2]int) {
	inMonth := func(year, month int) bool {
		lo, hi := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
		start := e.Date.First()
		end := start
		switch {
		case !e.End.IsZero():
			end = e.End.Last()
		case e.Kind.Lasting():
			end = time.Date(last, 12, 31, 0, 0, 0, 0, time.UTC)
		default:
			end = e.Date.Last()
		}
		return !hi.Before(start) && !lo.After(end)
	}
	var said []string
	var spans [][2]int
	monthAt := map[int]bool{} // years preceded by a month, by their start
	for _, m := range monthYearRe.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[4]:m[5]])
		monthAt[m[4]] = true
		mon := slices.Index(months, strings.ToLower(text[m[2]:m[3]])) + 1
		if y >= first && y <= last && inMonth(y, mon) {
			said = append(said, text[m[0]:m[1]])
			spans = append(spans, [2]int{m[0], m[1]})
		}
	}
	for _, m := range yearRe.FindAllStringIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[0]:m[1]])
		if !monthAt[m[0]] && y >= first && y <= last {
			said = append(said, text[m[0]:m[1]])
			spans = append(spans, [2]int{m[0], m[1]})
		}
	}
	if published > 0 {
		for _, m := range relativeRe.FindAllStringIndex(text, -1) {
			lo, hi := published, published
			switch strings.ToLower(text[m[0]:m[1]]) {
			case "last year":
				lo, hi = published-1, published-1
			case "recently":
				lo = published - 1
			}
			if lo <= last && hi >= first {
				said = append(said, text[m[0]:m[1]]+" (published "+strconv.Itoa(published)+")")
				spans = append(spans, [2]int{m[0], m[1]})
			}
		}
	}
	if len(said) == 0 {
		return "", nil
	}
	return "says " + strings.Join(uniq(said), ", "), spans
}

// placeWords are the capitalised words of a place ("Almaty and strategic
// sites" → Almaty), which name it in a text.
func placeWords(place string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(place, func(r rune) bool {
		return !isWordRune(r) && r != '-'
	}) {
		r := []rune(w)
		if len(r) >= 3 && r[0] >= 'A' && r[0] <= 'Z' && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// wordsIn returns the words of ws found whole in text (ignoring case),
// as written there, and their spans.
func wordsIn(text string, ws []string) ([]string, [][2]int) {
	var found []string
	var spans [][2]int
	for _, w := range ws {
		for _, s := range findFold(text, w, nil) {
			found = append(found, text[s[0]:s[1]])
			spans = append(spans, s)
		}
	}
	return found, spans
}

func spanWords(text string, spans [][2]int) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s[0]:s[1]]
	}
	return out
}

// add records spans, their words and a reason.
func (l *EventLink) add(spans [][2]int, words []string, reason string) {
	l.Spans = append(l.Spans, spans...)
	l.Words = append(l.Words, words...)
	if reason != "" && !slices.Contains(l.Reasons, reason) {
		l.Reasons = append(l.Reasons, reason)
	}
}

// normalise sorts the spans and merges those that overlap, keeping Words
// in step, as Match requires.
func (l *EventLink) normalise() {
	spans := slices.Clone(l.Spans)
	slices.SortFunc(spans, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return b[1] - a[1]
	})
	var merged [][2]int
	for _, s := range spans {
		if n := len(merged); n > 0 && s[0] < merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	l.Spans = merged
	l.Words = spanWords(l.Passage.Text, merged)
}

// uniq returns ss without repeats, in order.
func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
