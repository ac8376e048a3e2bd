package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
)

// PasswordEnv is the environment variable ogohctl reads the LRS password
// from. A password given as an argument is refused: every user of the
// machine sees it in ps, and it stays in the shell's history.
const PasswordEnv = "OGOH_LRS_PASSWORD"

var errPasswordArg = fmt.Errorf("--password is refused: a password on the command line shows in ps to every user of this machine and stays in the shell history; set %s or give --password-file FILE", PasswordEnv)

// lrsPassword is the LRS password: from --password-file if given (its
// first line), else from the environment.
func lrsPassword(file string) (string, error) {
	if file == "" {
		return os.Getenv(PasswordEnv), nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("--password-file: %w", err)
	}
	line, _, _ := strings.Cut(string(data), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", fmt.Errorf("--password-file %s: the first line is empty", file)
	}
	return line, nil
}

// warnPlainHTTP warns when credentials would cross the network
// unencrypted: Basic auth over http:// is readable by anyone on the way.
// An LRS on this machine (localhost) is not warned about.
func warnPlainHTTP(stderr io.Writer, endpoint, user, password string) {
	u, err := url.Parse(endpoint)
	if err != nil || !strings.EqualFold(u.Scheme, "http") || (user == "" && password == "") || loopback(u.Hostname()) {
		return
	}
	fmt.Fprintf(stderr, "warning: %s is http://, not https://: the LRS user and password are sent unencrypted, readable by anyone on the network between this machine and the LRS\n", endpoint)
}

func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

var errNoPassword = errors.New("no LRS password: set " + PasswordEnv + " or give --password-file FILE")
