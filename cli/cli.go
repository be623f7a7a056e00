// Package cli runs CSTO Map's headless subcommands (which, export, …). It
// shares the pure core with the window and never imports Fyne's app or
// driver packages, so it works with no display.
package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"cstomap/assets"
	"cstomap/geo"
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
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "       cstomap %s\n", commands[n].usage)
	}
}

// env is what a command runs with.
type env struct {
	stdout, stderr io.Writer
	world          *geo.World
}

// Run runs the subcommand args[0] with the rest of args and returns the
// process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || !IsCommand(args[0]) {
		Usage(stderr)
		return ExitUsage
	}
	if c, ok := commands[args[0]]; ok {
		e := &env{stdout: stdout, stderr: stderr}
		return c.run(e, args[1:])
	}
	Usage(stdout)
	return ExitOK
}

// loadWorld loads the embedded outlines.
func (e *env) loadWorld() (*geo.World, error) {
	if e.world == nil {
		w, err := geo.LoadCompact(assets.Countries)
		if err != nil {
			return nil, fmt.Errorf("load outlines: %w", err)
		}
		e.world = w
	}
	return e.world, nil
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
