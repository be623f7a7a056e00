// Package cli runs CSTO Map's headless subcommands (which, export, …). It
// shares the pure core with the window and never imports Fyne's app or
// driver packages, so it works with no display.
package cli

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"cstomap/dataset"
	"cstomap/geo"
	"cstomap/internal/clock"
	"cstomap/internal/termsafe"
)

// Exit codes shared by the subcommands.
const (
	ExitOK    = 0
	ExitFail  = 1 // the command ran and failed, or found nothing
	ExitUsage = 2 // bad arguments
)

type command struct {
	usage string
	run   func(e *env, args []string) int
}

var commands = map[string]command{}

func register(name, usage string, run func(e *env, args []string) int) {
	commands[name] = command{usage: usage, run: run}
}

// IsCommand reports whether name is a subcommand.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help" || name == "-h" || name == "--help"
}

// Usage writes the list of subcommands.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "usage: cstomap [--data DIR]            open the map window")
	fmt.Fprintln(w, "       cstomap --version               print the version")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "       cstomap %s\n", commands[n].usage)
	}
}

// Config is what the commands run with.
type Config struct {
	// Stdout and Stderr receive the output and the messages.
	Stdout, Stderr io.Writer
	// Clock gives "now" (see package clock); nil means the system clock.
	Clock clock.Clock
}

// env is what a command runs with.
type env struct {
	stdout, stderr io.Writer
	clock          clock.Clock
	data           *dataset.Data
}

// Run runs the subcommand args[0] with the rest of args and returns the
// process exit code. An unknown command exits 2 with the usage. Everything
// printed passes through termsafe, so text from articles, data files and
// file names cannot send escape sequences to the terminal.
func Run(args []string, cfg Config) int {
	stdout, stderr := termsafe.NewWriter(cfg.Stdout), termsafe.NewWriter(cfg.Stderr)
	defer stdout.Flush()
	defer stderr.Flush()
	cfg.Stdout, cfg.Stderr = stdout, stderr
	if len(args) == 0 {
		Usage(cfg.Stderr)
		return ExitUsage
	}
	if !IsCommand(args[0]) {
		fmt.Fprintf(cfg.Stderr, "cstomap: unknown command %q\n", args[0])
		Usage(cfg.Stderr)
		return ExitUsage
	}
	if c, ok := commands[args[0]]; ok {
		e := &env{stdout: cfg.Stdout, stderr: cfg.Stderr, clock: cfg.Clock}
		if e.clock == nil {
			e.clock = clock.System
		}
		return c.run(e, args[1:])
	}
	Usage(cfg.Stdout)
	return ExitOK
}

// dataFlag adds the --data flag that every command takes.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", "folder of additional or replacement alliance files")
}

// newFlags returns the flag set of the command name. It prints nothing:
// parseFlags reports its errors.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args into fs, whose command takes no other arguments.
// On a bad flag or a stray argument it reports the command's usage and
// returns the exit code and false.
func (e *env) parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		return e.usageErr(fs.Name(), "%v", err), false
	}
	if fs.NArg() > 0 {
		return e.usageErr(fs.Name(), "unexpected argument %q", fs.Arg(0)), false
	}
	return 0, true
}

// load loads the data through the one loader, with the user's alliance
// files from dataDir (may be ""). Bad user files are reported on stderr
// and skipped; the embedded data stays.
func (e *env) load(dataDir string) (*dataset.Data, error) {
	if e.data != nil {
		return e.data, nil
	}
	d, userErrs, err := dataset.Load(dataset.Options{DataDir: dataDir, Clock: e.clock})
	for _, err := range userErrs {
		fmt.Fprintf(e.stderr, "cstomap: skipping user data: %v\n", err)
	}
	if err != nil {
		return nil, err
	}
	e.data = d
	return d, nil
}

// usageErr prints a usage error for cmd and returns ExitUsage.
func (e *env) usageErr(cmd string, format string, a ...any) int {
	fmt.Fprintf(e.stderr, "cstomap %s: %s\n", cmd, fmt.Sprintf(format, a...))
	fmt.Fprintf(e.stderr, "usage: cstomap %s\n", commands[cmd].usage)
	return ExitUsage
}

// fail prints an error for cmd and returns ExitFail.
func (e *env) fail(cmd string, err error) int {
	fmt.Fprintf(e.stderr, "cstomap %s: %v\n", cmd, err)
	return ExitFail
}

// knownISO upper-cases iso and checks it against the outlines.
func knownISO(w *geo.World, iso string) (string, bool) {
	iso = strings.ToUpper(strings.TrimSpace(iso))
	return iso, w.Known(iso)
}
