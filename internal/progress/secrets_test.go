package progress_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
	"github.com/ogoh/ogoh/internal/syncfile"
)

type fakeKeyring struct {
	m    map[string]string
	fail bool
}

func (k *fakeKeyring) Get(name string) (string, error) {
	v, ok := k.m[name]
	if !ok || k.fail {
		return "", errors.New("no such secret")
	}
	return v, nil
}

func (k *fakeKeyring) Set(name, value string) error {
	if k.fail {
		return errors.New("no keyring here")
	}
	k.m[name] = value
	return nil
}

func openWithKeyring(t *testing.T, dir string, k progress.Keyring) (*progress.Service, *store.DB) {
	t.Helper()
	ctx := context.Background()
	db := storetest.MustOpen(t, filepath.Join(dir, store.FileName), time.Now)
	key, err := syncfile.LoadOrCreateDeviceKey(filepath.Join(dir, syncfile.DeviceKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	var opts progress.Options
	opts.Seed, opts.Now, opts.DeviceKey, opts.Keyring = func() int64 { return 1 }, time.Now, key, k
	svc, err := progress.New(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	return svc, db
}

// TestTheLRSPasswordIsNeverInTheDatabaseInPlainText: kept in the
// keyring when there is one, sealed with the device key when not; an older
// device's plain password is sealed at the next start.
func TestTheLRSPasswordIsNeverInTheDatabaseInPlainText(t *testing.T) {
	ctx := context.Background()
	const secret = "s3cret-lrs-password"
	for name, k := range map[string]*fakeKeyring{"keyring": {m: map[string]string{}}, "no keyring": {m: map[string]string{}, fail: true}} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			svc, db := openWithKeyring(t, dir, k)
			if err := svc.SetLRS(ctx, domain.LRS{Endpoint: "https://lrs.example.org/xAPI/", User: "post", Password: secret}); err != nil {
				t.Fatal(err)
			}
			got, err := svc.LRS(ctx)
			if err != nil || got.Password != secret {
				t.Fatalf("read back %q, %v", got.Password, err)
			}
			db.Close()
			for _, f := range []string{store.FileName, store.FileName + "-wal"} {
				data, _ := os.ReadFile(filepath.Join(dir, f))
				if bytes.Contains(data, []byte(secret)) {
					t.Errorf("%s holds the password in plain text", f)
				}
			}
			if name == "keyring" && len(k.m) != 1 {
				t.Errorf("the keyring holds %d secrets", len(k.m))
			}
		})
	}
	t.Run("an older device", func(t *testing.T) {
		dir := t.TempDir()
		_, db := openWithKeyring(t, dir, nil)
		db.SetSetting(ctx, "lrs.password", secret) // as an older Ogoh kept it
		db.Close()
		svc, db := openWithKeyring(t, dir, nil)
		if v, _ := db.Setting(ctx, "lrs.password", ""); v == secret {
			t.Error("the plain password is still in the database after a start")
		}
		if got, _ := svc.LRS(ctx); got.Password != secret {
			t.Errorf("the sealed password reads back as %q", got.Password)
		}
	})
}

func TestPlainHTTPWithCredentialsIsFlagged(t *testing.T) {
	for l, want := range map[domain.LRS]bool{
		{Endpoint: "http://lrs.example.org/xAPI/", User: "u", Password: "p"}:  true,
		{Endpoint: "https://lrs.example.org/xAPI/", User: "u", Password: "p"}: false,
		{Endpoint: "http://127.0.0.1:8080/xAPI/"}:                             false,
	} {
		if got := progress.InsecureLRS(l); got != want {
			t.Errorf("InsecureLRS(%+v) = %v, want %v", l, got, want)
		}
	}
}
