//go:build !unix

package events_test

import "errors"

func mkfifo(string) error { return errors.New("not supported") }
