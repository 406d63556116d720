package dev.memdebug.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where CRITICAL alerts go: an {@code http} or {@code https} URL the user named in {@code alert.url}.
 *
 * <p>Chat webhooks carry their secret in the URL itself (Slack's {@code /services/T000/B000/XXXX},
 * Discord's {@code /api/webhooks/<id>/<token>}, a {@code ?token=} query, {@code user:password@}). So the
 * URL is never shown whole: {@link #display()} keeps the scheme, host and port, which is enough to tell
 * which service it is, and hides the rest. Immutable.
 */
public final class AlertTarget {

    private final URI uri;

    private AlertTarget(URI uri) {
        this.uri = uri;
    }

    /**
     * Parses {@code text}; throws {@link IllegalArgumentException} saying what was expected. The message
     * never repeats the URL, since it may hold a secret.
     */
    public static AlertTarget parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expects an http:// or https:// URL, and this is not a valid URL ("
                    + e.getReason() + " at character " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("expects an http:// or https:// URL, not one with scheme '"
                    + (scheme.isEmpty() ? "(none)" : scheme) + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("expects an http:// or https:// URL with a host name");
        }
        return new AlertTarget(uri);
    }

    public URI uri() {
        return uri;
    }

    /** {@code https://hooks.slack.com/…}: safe for the log and stderr. */
    public String display() {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        boolean more = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + (more ? "/…" : "/");
    }

    /** Never the whole URL: see the class comment. */
    @Override
    public String toString() {
        return display();
    }
}
