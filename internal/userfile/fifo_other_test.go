//go:build !unix

package userfile

import "errors"

// mkfifo: there are no named pipes of this kind here; the tests skip.
func mkfifo(string) error { return errors.ErrUnsupported }
