package remind

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestNotifierPerSystem(t *testing.T) {
	all := func(string) (string, error) { return "/usr/bin/x", nil }
	none := func(string) (string, error) { return "", errors.New("not found") }
	for _, goos := range []string{"linux", "freebsd", "darwin", "windows"} {
		n, err := Notifier(goos, all, Title, Message)
		if err != nil {
			t.Fatalf("%s: %v", goos, err)
		}
		// The words are arguments or environment, never part of a script.
		words := append(append([]string{}, n.Argv...), n.Env...)
		joined := strings.Join(words, "\x00")
		if !strings.Contains(joined, Message) {
			t.Errorf("%s: the message is not passed: %q", goos, words)
		}
		for _, a := range n.Argv {
			if a != Message && strings.Contains(a, Message) {
				t.Errorf("%s: the message is written into %q", goos, a)
			}
		}
		if _, err := Notifier(goos, none, Title, Message); err == nil || !strings.Contains(err.Error(), "notification") {
			t.Errorf("%s with no command: %v", goos, err)
		}
	}
	n, _ := Notifier("linux", all, Title, Message)
	if !slices.Equal(n.Argv, []string{"notify-send", "--app-name=supine", "--urgency=low", "--", Title, Message}) {
		t.Errorf("linux: %q", n.Argv)
	}
}
