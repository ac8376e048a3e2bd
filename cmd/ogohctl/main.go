// Command ogohctl is the trainer's and course author's tool. It uses the
// domain packages only, so it builds without Fyne.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

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
  ogohctl gift import FILE.gift [--course DIR] [--lang xx] [--lesson ID] [--json] [-o FILE] [--force]
                                        turn a Moodle GIFT question bank into a quiz file
`

func run(args []string, stdout, stderr io.Writer) int {
	ctx := context.Background()
	data := stdout // a quiz or a JSON report, for a file or a program: kept whole
	stdout, stderr = terminal(stdout), terminal(stderr)
	if len(args) < 2 {
		if len(args) == 1 && args[0] == "report" {
			return report(ctx, nil, stdout, stderr)
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] + " " + args[1] {
	case "course validate":
		return courseValidate(args[2:], stdout, stderr)
	case "course pack":
		return coursePack(args[2:], stdout, stderr)
	case "course verify":
		return courseVerify(args[2:], stdout, stderr)
	case "course info":
		return courseInfo(args[2:], stdout, stderr)
	case "course install":
		return courseInstall(ctx, args[2:], stdout, stderr)
	case "key new":
		return keyNew(args[2:], stdout, stderr)
	case "sync push":
		return syncPush(ctx, args[2:], stdout, stderr)
	case "sync export":
		return syncExport(ctx, args[2:], stdout, stderr)
	case "sync forward":
		return syncForward(ctx, args[2:], stdout, stderr)
	case "sync retry":
		return syncRetry(ctx, args[2:], stdout, stderr)
	case "sync receipt":
		return syncReceipt(ctx, args[2:], stdout, stderr)
	case "hub import":
		return hubImport(ctx, args[2:], stdout, stderr)
	case "hub forward":
		return hubForward(ctx, args[2:], stdout, stderr)
	case "hub report":
		return hubReport(ctx, args[2:], stdout, stderr)
	case "hub stick":
		return hubStick(ctx, args[2:], stdout, stderr)
	case "device show":
		return deviceShow(ctx, args[2:], stdout, stderr)
	case "trainer reset":
		return trainerReset(ctx, args[2:], os.Stdin, stdout, stderr)
	case "demo seed":
		return demoSeed(ctx, args[2:], stdout, stderr)
	case "gift import":
		return giftImport(args[2:], data, stderr)
	}
	if args[0] == "report" {
		return report(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprint(stderr, usage)
	return 2
}
