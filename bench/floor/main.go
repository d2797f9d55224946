// Command floor is the least a Go program can do while a countdown waits:
// it wakes once a second and writes one line. bench/run measures it beside
// supine, in the same window, as the floor no Go countdown can go below (the
// runtime's own wakes are in it too). It runs at Go's defaults.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	left := 20 * time.Minute
	for range time.Tick(time.Second) {
		left -= time.Second
		fmt.Fprintf(os.Stdout, "\r%d:%02d left ", int(left.Minutes()), int(left.Seconds())%60)
		if left <= 0 {
			return
		}
	}
}
