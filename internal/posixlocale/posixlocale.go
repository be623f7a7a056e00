// Package posixlocale stops Fyne from logging "Error parsing user locale C"
// on machines (containers, CI) whose locale is the POSIX default. Fyne reads
// the locale in an init function; main imports this package first, and its
// import path sorts before fyne.io, so its init runs before Fyne's.
package posixlocale

import "os"

func init() {
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		switch v := os.Getenv(k); v {
		case "C", "POSIX", "C.UTF-8", "C.utf8":
			// The POSIX locale means untranslated messages, which for
			// Fyne is English.
			_ = os.Setenv(k, "en")
		}
	}
}
