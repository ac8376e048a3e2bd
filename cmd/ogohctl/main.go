// Command ogohctl is the trainer's and course author's tool. It uses the
// domain packages only, so it builds without Fyne.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/ogoh/ogoh/internal/paper"
	"github.com/ogoh/ogoh/internal/paper/notosans"
)

// The CLI has no Fyne, so its pages print from its own copy of Noto Sans.
func init() { paper.UseFonts(notosans.Font) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  ogohctl course validate PATH...       check course folders; every problem as file:line: message
  ogohctl key new NAME                  make NAME.key (secret, mode 0600) and NAME.pub
  ogohctl course pack DIR --key NAME.key -o FILE.ogoh
                                        validate a course and write it as a signed pack
  ogohctl course verify FILE.ogoh... --trust NAME.pub
                                        check packs: signature, trust, files, the course itself
  ogohctl course info FILE.ogoh         what a pack says about itself
  ogohctl course install FILE.ogoh... --data DIR [--trust NAME.pub] [--force]
                                        install packs into a device's data folder, as the app does
  ogohctl sync push --data DIR [--lrs URL --user U [--password-file FILE]]
                                        send a data folder's statements to an LRS
  ogohctl sync export --data DIR -o FILE
                                        write a data folder's unsent statements to a sync file
  ogohctl sync forward FILE... --lrs URL --user U [--password-file FILE] [--devices FILE]
          [--trust-devices DIR] [--require-signed] [--home-page URL] [--receipt-dir DIR --key TRAINER.key]
                                        check sync files' signatures and send them on to an LRS;
                                        with --receipt-dir, write each device's signed receipt there
                                        (push, forward: the LRS password comes from $OGOH_LRS_PASSWORD
                                        or --password-file; --password is refused, as ps shows it)
  ogohctl sync retry --data DIR         queue a data folder's set-aside statements again
  ogohctl sync receipt --data DIR FILE [--trust NAME.pub]
                                        mark what a trainer's receipt lists delivered
  ogohctl hub import --hub DIR FILE... [--stick STICK]
                                        take posts' sync files into a hub folder (each file once)
  ogohctl hub forward --hub DIR --lrs URL --user U [--password-file FILE] --key TRAINER.key
                                        send what the hub has not forwarded; a receipt per device
  ogohctl hub report --hub DIR [--csv FILE]
                                        per device and per learner across posts
  ogohctl hub stick --hub DIR --out STICK [--key TRAINER.key]
                                        put receipts, packs and signed contacts on a stick
  ogohctl trainer reset --data DIR --key TRAINER.key
                                        a new trainer PIN (from OGOH_TRAINER_PIN or standard input),
                                        with the trainer's key
  ogohctl device show --data DIR [--pub FILE]
                                        a data folder's device ID and key fingerprint
  ogohctl report --data DIR [--csv FILE]
                                        per learner and course: lessons, best score, attempts, passed
  ogohctl demo seed --data DIR --learners N --days D [--seed S] [--force]
                                        fill a data folder with simulated learners
                                        (refused where real learners are, unless --force)
  ogohctl cert issue --data DIR --learner ID --course ID [--lang xx] -o FILE.pdf
                                        a learner's certificate for a passed course, signed by the device
  ogohctl cert verify FILE|TEXT [--id ID] [--devices FILE|DIR] [--lang xx]
                                        check a certificate offline (its PDF, or its QR code's text):
                                        genuine, from which device, for whom
  ogohctl learner move-out --data DIR --learner ID -o FILE
                                        a learner's whole record, signed, for another device;
                                        marks them moved here
  ogohctl learner move-in --data DIR FILE [--devices FILE|DIR]
                                        take in a learner's record, keeping their ID
  ogohctl learner export --data DIR --learner ID -o FILE.json
                                        a learner's own record as JSON (docs/learner-record.md)
  ogohctl course handout DIR|ID [--lang xx] [--lesson ID] -o FILE.pdf
                                        a course (or one lesson) as an A4 handout to print
  ogohctl quickref card [--lang xx] [--data DIR] -o FILE.pdf
                                        the quick reference as a pocket card (A6), with the
                                        referral contacts of the data folder's post
  ogohctl gift import FILE.gift [--course DIR] [--lang xx] [--lesson ID] [--json] [-o FILE] [--force]
                                        turn a Moodle GIFT question bank into a quiz file
  ogohctl bank import FILE [--format gift|moodlexml|aiken] [--course DIR] [--lang xx] [--lesson ID]
          [--json] [-o FILE] [--force]
                                        turn a GIFT, Moodle XML or Aiken bank into a quiz file, and
                                        its images into the course's media/ (format told by the
                                        extension, .gift, .xml, .txt, and the content)
`

func run(args []string, stdout, stderr io.Writer) int {
	ctx := context.Background()
	s := streams{
		stdin:  os.Stdin,
		data:   stdout,
		stdout: terminal(stdout),
		stderr: terminal(stderr),
	}
	if len(args) > 0 && args[0] == "report" {
		return report(ctx, args[1:], s.stdout, s.stderr)
	}
	if len(args) >= 2 {
		if cmd, ok := commands[args[0]+" "+args[1]]; ok {
			return cmd(ctx, args[2:], s)
		}
	}
	fmt.Fprint(s.stderr, usage)
	return 2
}

// streams are a command's input and outputs. stdout and stderr are for
// people (terminal shows control characters as "?"); data is stdout as it
// is, for a quiz or a JSON report that a file or a program keeps whole.
type streams struct {
	stdin                io.Reader
	stdout, stderr, data io.Writer
}

// command runs one of ogohctl's commands on the arguments after its name.
type command func(ctx context.Context, args []string, s streams) int

// commands are ogohctl's two-word commands.
var commands = map[string]command{
	"course validate":  plain(courseValidate),
	"course pack":      plain(coursePack),
	"course verify":    plain(courseVerify),
	"course info":      plain(courseInfo),
	"course install":   withContext(courseInstall),
	"key new":          plain(keyNew),
	"sync push":        withContext(syncPush),
	"sync export":      withContext(syncExport),
	"sync forward":     withContext(syncForward),
	"sync retry":       withContext(syncRetry),
	"device show":      withContext(deviceShow),
	"demo seed":        withContext(demoSeed),
	"cert issue":       withContext(certIssue),
	"cert verify":      plain(certVerify),
	"course handout":   plain(courseHandout),
	"learner move-out": withContext(learnerMoveOut),
	"learner move-in":  withContext(learnerMoveIn),
	"learner export":   withContext(learnerExport),
	"quickref card":    withContext(quickrefCard),
	"sync receipt":     withContext(syncReceipt),
	"hub import":       withContext(hubImport),
	"hub forward":      withContext(hubForward),
	"hub report":       withContext(hubReport),
	"hub stick":        withContext(hubStick),
	"trainer reset": func(ctx context.Context, args []string, s streams) int {
		return trainerReset(ctx, args, s.stdin, s.stdout, s.stderr)
	},
	"gift import": func(_ context.Context, args []string, s streams) int {
		return giftImport(args, s.data, s.stderr)
	},
	"bank import": func(_ context.Context, args []string, s streams) int {
		return bankImport(args, s.data, s.stderr)
	},
}

// plain is a command that works on files alone.
func plain(f func(args []string, stdout, stderr io.Writer) int) command {
	return func(_ context.Context, args []string, s streams) int { return f(args, s.stdout, s.stderr) }
}

// withContext is a command that opens a data folder or the network.
func withContext(f func(ctx context.Context, args []string, stdout, stderr io.Writer) int) command {
	return func(ctx context.Context, args []string, s streams) int { return f(ctx, args, s.stdout, s.stderr) }
}
