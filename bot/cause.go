package bot

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"syscall"

	"github.com/go-telegram/bot"
)

// cause names, in a few words, why a Bot API call failed: "connection
// refused", "HTTP 500 Internal Server Error", "no answer within the time
// allowed"… rather than the "context deadline exceeded" of the retries
// that were cut short: the sender wraps the last failure too, and the
// specific causes are looked for first. The words come from the error
// itself, never from a URL, so they carry no token.
func cause(err error) string {
	var se *serverError
	var flood *bot.TooManyRequestsError
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &se):
		return fmt.Sprintf("HTTP %d %s", se.status, http.StatusText(se.status))
	case errors.As(err, &flood):
		return fmt.Sprintf("HTTP 429 Too Many Requests (retry after %d s)", flood.RetryAfter)
	case errors.Is(err, bot.ErrorUnauthorized):
		return "HTTP 401 Unauthorized"
	case errors.Is(err, bot.ErrorNotFound):
		return "HTTP 404 Not Found"
	case errors.Is(err, bot.ErrorForbidden):
		return "HTTP 403 Forbidden"
	case errors.Is(err, bot.ErrorBadRequest):
		return "HTTP 400 Bad Request"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.As(err, &dns):
		return "cannot resolve host " + dns.Name
	case errors.As(err, &cert), errors.As(err, &unknownAuthority), errors.As(err, &hostname):
		return "TLS certificate not trusted"
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return "no answer within the time allowed"
	case errors.Is(err, context.Canceled):
		return "stopped"
	}
	// The innermost error of a failed request, without the URL.
	var ue *url.Error
	if errors.As(err, &ue) {
		return oneLine(ue.Err.Error())
	}
	return oneLine(err.Error())
}

// isTimeout reports a network timeout.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// causeError is a one-line message naming an error's cause; it wraps the
// error for errors.Is and errors.As.
type causeError struct {
	msg string
	err error
}

func (e *causeError) Error() string { return e.msg }
func (e *causeError) Unwrap() error { return e.err }

// redactedURL is raw without a password, for messages.
func redactedURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "the Bot API server"
	}
	return u.Redacted()
}
