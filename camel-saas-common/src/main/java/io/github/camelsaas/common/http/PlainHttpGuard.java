package io.github.camelsaas.common.http;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses a plain {@code http://} base URL to a host that is not this machine: API keys, client secrets and bearer
 * tokens would cross the network unencrypted. Loopback stays allowed (the simulators, a local proxy), and so does
 * any host when the user says so explicitly ({@code allowInsecureHttp=true}, e.g. behind a TLS-terminating sidecar).
 */
public final class PlainHttpGuard {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private PlainHttpGuard() {
    }

    /** @throws IllegalArgumentException naming the option that allows it, when the URL is refused */
    public static void check(URI baseUrl, boolean allowInsecureHttp) {
        if (!"http".equalsIgnoreCase(baseUrl.getScheme()) || allowInsecureHttp || isLoopback(baseUrl.getHost())) {
            return;
        }
        throw new IllegalArgumentException("baseUrl http://" + baseUrl.getHost()
                + " is plain HTTP to a host that is not loopback: the credentials would cross the network "
                + "unencrypted. Use https, or set allowInsecureHttp=true if the connection is protected otherwise");
    }

    /** Judged on the name as written: no DNS lookup, so a name cannot be made to look local. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")
               || IPV4_LOOPBACK.matcher(name).matches();
    }
}
