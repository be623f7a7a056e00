package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"cstomap/articles"
	"cstomap/passages"
)

func init() {
	register("passages", "passages [--json] [--article FILE]... [--data DIR] ISO3", runPassages)
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return fmt.Sprint(*s) }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// runPassages prints the passages of the bundled articles (and of --article
// files, for this run only) that mention the country: direct mentions first,
// then regional ones.
func runPassages(e *env, args []string) int {
	fs := flag.NewFlagSet("passages", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print JSON")
	dataDir := dataFlag(fs)
	var files stringList
	fs.Var(&files, "article", "an extra article file (plain text or Markdown) for this run; repeatable")
	// Flags may come before or after the code.
	var pos []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return e.usageErr("passages", "%v", err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(pos) != 1 {
		return e.usageErr("passages", "want one ISO3 country code, got %d arguments", len(pos))
	}
	d, err := e.load(*dataDir)
	if err != nil {
		return e.fail("passages", err)
	}
	iso, ok := knownISO(d.World, pos[0])
	if !ok {
		return e.usageErr("passages", "unknown country code %q (want an ISO 3166-1 alpha-3 code such as ARM)", pos[0])
	}
	ix, err := d.Index()
	if err != nil {
		return e.fail("passages", err)
	}
	for _, f := range files {
		// Through safefile: /dev/zero or a named pipe is refused at once,
		// rather than read without end.
		data, err := articles.ReadFile(f)
		if errors.Is(err, os.ErrNotExist) {
			return e.usageErr("passages", "%v", err)
		} else if err != nil {
			return e.fail("passages", err)
		}
		a, err := articles.Parse(f, data)
		if err != nil {
			return e.usageErr("passages", "%v", err)
		}
		if err := ix.Add(a); err != nil {
			return e.usageErr("passages", "article %s: %v", f, err)
		}
	}
	ms := ix.For(iso)
	write := passages.WriteText
	if *asJSON {
		write = passages.WriteJSON
	}
	if err := write(e.stdout, ms); err != nil {
		return e.fail("passages", err)
	}
	return ExitOK
}
