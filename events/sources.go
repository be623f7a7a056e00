package events

import (
	"fmt"

	"cstomap/timeline"
)

// CheckSources returns every way evs fall short of the source policy p, in
// the order of evs: a source on a domain the policy does not list, on an
// unreliable domain, or a reference link that is not permanent; and an
// event without at least one official, news or research source. The
// problems are timeline.SourceProblems with no country or date; Field
// names the event, e.g. "event kgz-2010-osh-request: sources[1]". Events
// that meet the policy give nil.
func CheckSources(p *timeline.Policy, evs []Event) []*timeline.SourceProblem {
	var out []*timeline.SourceProblem
	for _, e := range evs {
		reputable := false
		for i, s := range e.Sources {
			v := p.Classify(s)
			if v.Err != nil {
				out = append(out, &timeline.SourceProblem{File: e.File,
					Field: fmt.Sprintf("event %s: sources[%d]", e.ID, i), URL: s, Err: v.Err})
				continue
			}
			reputable = reputable || v.Class.Carries()
		}
		if !reputable {
			out = append(out, &timeline.SourceProblem{File: e.File, Field: "event " + e.ID,
				Err: timeline.ErrNoReputableSource})
		}
	}
	return out
}
