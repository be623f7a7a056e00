package export

import (
	"errors"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// This file keeps an export from leaving temporary files behind when the
// process ends in the middle of one.
//
// A signal that can be caught (SIGINT, SIGTERM, SIGHUP) is caught while a
// write is in progress: the temporary files and the folders made for the
// export are removed, and the process then ends by the same signal, with
// the default action, so that the shell and the parent see the usual
// status (130, 143, 129). Signals the process was started with ignored
// (nohup) stay ignored, and outside a write nothing is caught. In the
// window this comes before Fyne's own SIGINT/SIGTERM handler, which quits
// the app gracefully: a signal during an export ends the app at once, once
// the files are cleaned up.
//
// SIGKILL (or a power cut) cannot be caught, so every write first sweeps
// the target's folder for temporary files of the same target that were
// left by a process that is gone. A writer holds a flock(2) lock on its
// temporary file from creation until the file is renamed or removed; the
// kernel drops the lock when the process dies, however it dies. A
// temporary file is stale when its name is exactly what renameio makes for
// a target being written now ("." + name + digits), nobody holds its lock,
// and it is older than staleAge (the moment between renameio creating the
// file and the writer locking it). Process ids are not used: they are
// reused, and a file in a shared folder may come from another machine. On
// a file system without locks a temporary file is stale only after
// unlockedStaleAge. Other files, other targets' temporary files and
// temporary files of other programs are never touched.

// staleAge is how old an unlocked temporary file must be to be swept.
const staleAge = 10 * time.Second

// unlockedStaleAge is how old a temporary file must be to be swept where
// the file system does not support locks.
const unlockedStaleAge = time.Hour

// cleanupSignals are the signals caught during a write.
var cleanupSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// inFlight is what this process's writes have on disk that must go if a
// signal ends the process: temporary files and the folders made for them.
type inFlight struct {
	mu     sync.Mutex
	temps  map[string]bool
	dirs   map[string]bool
	writes int
	stop   func()
}

// live is the process's one inFlight: signals are process-wide.
var live = inFlight{temps: map[string]bool{}, dirs: map[string]bool{}}

// begin marks the start of a write; the first one starts catching signals.
func (l *inFlight) begin() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	if l.writes > 1 {
		return
	}
	var sigs []os.Signal
	for _, s := range cleanupSignals {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	if len(sigs) == 0 {
		l.stop = func() {}
		return // Notify with no signals would catch them all
	}
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, sigs...)
	go func() {
		select {
		case s := <-ch:
			l.die(s)
		case <-done:
			// A signal that came just before the last write ended
			// still ends the process.
			select {
			case s := <-ch:
				l.die(s)
			default:
			}
		}
	}()
	l.stop = func() { signal.Stop(ch); close(done) }
}

// end marks the end of a write; the last one stops catching signals.
func (l *inFlight) end() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.writes--; l.writes == 0 {
		l.stop()
		l.stop = nil
	}
}

// create makes the temporary file for target with open and lists it.
func (l *inFlight) create(open opener, target string) (pendingFile, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f, err := open(target)
	if err != nil {
		return nil, err
	}
	l.temps[f.Name()] = true
	return f, nil
}

// mkdir makes the folder dir and lists it.
func (l *inFlight) mkdir(dir string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	l.dirs[dir] = true
	return nil
}

// forgetDirs takes folders off the list.
func (l *inFlight) forgetDirs(dirs []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range dirs {
		delete(l.dirs, d)
	}
}

// commit runs rename, which renames staged files into place, with l
// locked, so that a signal handled meanwhile waits until it has finished:
// the files are then either all in place or all still temporary. rename
// must not call l's other methods.
func (l *inFlight) commit(rename func() error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return rename()
}

// die removes the listed files and folders and ends the process by s. It
// keeps the lock, so no write renames a file into place after the cleanup.
func (l *inFlight) die(s os.Signal) {
	l.mu.Lock()
	for t := range l.temps {
		_ = os.Remove(t)
	}
	for d := range l.dirs {
		_ = os.Remove(d) // only if empty: never what was there before
	}
	signal.Reset(s)
	if sig, ok := s.(syscall.Signal); ok {
		_ = syscall.Kill(os.Getpid(), sig)
		time.Sleep(time.Second) // the signal's default action ends the process
		os.Exit(128 + int(sig))
	}
	os.Exit(1)
}

// lockTemp locks the temporary file name for as long as the returned file
// is open, or returns nil if it cannot; a sweep then relies on the age.
func lockTemp(name string) *os.File {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		return nil
	}
	return f
}

// sweep removes the stale temporary files (see the top of this file) in
// dir of the targets named in bases.
func sweep(dir string, bases map[string]bool) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range es {
		if !e.Type().IsRegular() || !isTempOf(e.Name(), bases) {
			continue
		}
		if p := filepath.Join(dir, e.Name()); stale(p) {
			_ = os.Remove(p)
		}
	}
}

// isTempOf reports whether name is one of renameio's temporary names for
// a target in bases: "." + target + a decimal number.
func isTempOf(name string, bases map[string]bool) bool {
	if len(name) < 3 || name[0] != '.' {
		return false
	}
	for k := len(name) - 1; k > 1 && name[k] >= '0' && name[k] <= '9'; k-- {
		if bases[name[1:k]] {
			return true
		}
	}
	return false
}

// stale reports whether the temporary file at p was left by a writer that
// is gone.
func stale(p string) bool {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	age := time.Since(fi.ModTime())
	if age < staleAge {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	switch {
	case err == nil:
		return true
	case errors.Is(err, syscall.EWOULDBLOCK):
		return false
	default:
		return age > unlockedStaleAge
	}
}
