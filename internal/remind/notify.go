package remind

import "fmt"

// LookPath finds a program on PATH: exec.LookPath, or a fake in tests.
type LookPath func(string) (string, error)

// Notification is how to raise one desktop notification: the command
// (argv, never a shell string) and what to add to its environment.
type Notification struct {
	Argv []string
	Env  []string
}

// powershellToast shows a Windows toast whose title and text come from the
// environment, so that no text is ever written into the script.
const powershellToast = `[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] | Out-Null
$t = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent([Windows.UI.Notifications.ToastTemplateType]::ToastText02)
$x = $t.GetElementsByTagName('text')
$x.Item(0).AppendChild($t.CreateTextNode($env:SUPINE_TITLE)) | Out-Null
$x.Item(1).AppendChild($t.CreateTextNode($env:SUPINE_TEXT)) | Out-Null
$id = '{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\WindowsPowerShell\v1.0\powershell.exe'
[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier($id).Show([Windows.UI.Notifications.ToastNotification]::new($t))`

// Notifier is the desktop's own notification command on goos, found with
// lookPath: notify-send (Linux, BSD), osascript (macOS), PowerShell's toast
// (Windows). The error is one sentence for when there is none.
func Notifier(goos string, lookPath LookPath, title, text string) (Notification, error) {
	switch goos {
	case "darwin":
		if _, err := lookPath("osascript"); err == nil {
			// The words are the script's arguments, not part of it.
			return Notification{Argv: []string{"osascript",
				"-e", "on run argv", "-e", "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run",
				title, text}}, nil
		}
		return Notification{}, fmt.Errorf("no way to show a notification was found (osascript is not on PATH)")
	case "windows":
		if _, err := lookPath("powershell"); err == nil {
			return Notification{Argv: []string{"powershell", "-NoProfile", "-NonInteractive", "-Command", powershellToast},
				Env: []string{"SUPINE_TITLE=" + title, "SUPINE_TEXT=" + text}}, nil
		}
		return Notification{}, fmt.Errorf("no way to show a notification was found (powershell is not on PATH)")
	}
	if _, err := lookPath("notify-send"); err == nil {
		return Notification{Argv: []string{"notify-send", "--app-name=supine", "--urgency=low", "--", title, text}}, nil
	}
	return Notification{}, fmt.Errorf("no way to show a notification was found: install notify-send (the libnotify-bin package) for the bedtime reminder")
}
