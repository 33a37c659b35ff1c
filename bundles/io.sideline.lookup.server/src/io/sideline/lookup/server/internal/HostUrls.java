package io.sideline.lookup.server.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;

/**
 * Which host addresses a lookup server hands out to joiners. The lookup server never connects to a {@code hostUrl}
 * itself, but every peer that joins does: a URL naming {@code 169.254.169.254}, {@code [::1]:6379} or a printer on the
 * joiner's own network would turn the lookup server into a way to make strangers' machines connect to their own
 * private services. So a public server accepts only URLs that name a public address or a public-looking host name:
 * <ul>
 * <li>never a user name or password ({@code ws://user:pass@host/}): peers would send them to whoever runs the host;</li>
 * <li>never an IPv4 address in another form than four decimal numbers ({@code 127.1}, {@code 0x7f.0.0.1},
 * {@code 0177.0.0.1}, {@code 2130706433}): clients read those differently;</li>
 * <li>unless the server is for a local network: no loopback, unspecified ({@code 0.0.0.0}, {@code ::}), link-local,
 * private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code 100.64/10}, {@code fc00::/7},
 * {@code fec0::/10}), multicast or reserved ({@code 240/4}) address, also not inside an IPv4-mapped,
 * IPv4-compatible, NAT64 ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}) IPv6 address; no IPv6 zone; and no
 * host name that is local by its form: {@code localhost} and {@code *.localhost}, a name without a dot, and names
 * under {@code .local}, {@code .internal} and {@code .home.arpa}.</li>
 * </ul>
 * Other host names are accepted without resolving them: an answer from DNS at registration proves nothing about the
 * answer a joiner gets later, so resolving would only look like a check.
 */
final class HostUrls {

    private static final Pattern DOTTED_QUAD = Pattern
            .compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** a host whose last label is a number (decimal, octal or hex) is an IPv4 address to some clients */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i)(.*\\.)?(0x[0-9a-f]*|[0-9]+)");

    private HostUrls() {
    }

    /**
     * @param field        the field the URL came in, for the refusal
     * @param url          a {@code ws://} or {@code wss://} URL, already checked for its form
     * @param localNetwork whether local addresses and names are accepted
     * @throws ProtocolException {@code invalid_value} for that field, saying why
     */
    static void check(String field, String url, boolean localNetwork) throws ProtocolException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused(field, "is not a URL");
        }
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || authority != null && authority.contains("@")) {
            throw refused(field, "carries a user name or password (\"user:password@\"); peers would send them to the "
                    + "host. Give the host's address alone, for example \"ws://192.0.2.10:7070/match\"");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw refused(field, "names no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            String literal = host.substring(1, host.length() - 1);
            if (literal.contains("%")) {
                throw refused(field, "names an IPv6 address with a zone (\"%\"), which means something only on the "
                        + "host's own machine");
            }
            if (!localNetwork) {
                String kind = local(parse(field, literal));
                if (kind != null) {
                    throw local(field, host, kind);
                }
            }
            return;
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (DOTTED_QUAD.matcher(host).matches()) {
            if (!localNetwork) {
                String kind = local(parse(field, host));
                if (kind != null) {
                    throw local(field, host, kind);
                }
            }
            return;
        }
        if (NUMERIC_LAST_LABEL.matcher(host).matches()) {
            throw refused(field, "names \"" + host + "\", which clients read as different IPv4 addresses; write an IPv4 "
                    + "address as four decimal numbers without leading zeros, for example 192.0.2.10");
        }
        if (!localNetwork) {
            String kind = localName(host);
            if (kind != null) {
                throw local(field, host, kind);
            }
        }
    }

    private static InetAddress parse(String field, String literal) throws ProtocolException {
        try {
            return InetAddress.getByName(literal); // a literal: no DNS
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw refused(field, "names \"" + literal + "\", which is not an IP address");
        }
    }

    /** @return what makes this address local, or {@code null} when it is public */
    static String local(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (a.isSiteLocalAddress()) {
            return "a private address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "an address of \"this network\" (0.0.0.0/8)";
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return "a private address (shared address space, 100.64.0.0/10)";
            }
            if (first >= 240) {
                return "a reserved address";
            }
            return null;
        }
        if (a instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private address (unique local, fc00::/7)";
            }
            InetAddress embedded = embeddedIpv4(v6, b);
            if (embedded != null) {
                String kind = local(embedded);
                return kind == null ? null : kind + " inside an IPv6 address";
            }
        }
        return null;
    }

    /** @return the IPv4 address an IPv4-compatible, NAT64 or 6to4 address carries, or {@code null} */
    private static InetAddress embeddedIpv4(Inet6Address v6, byte[] b) {
        byte[] v4 = null;
        boolean zeros = true;
        for (int i = 0; i < 12; i++) {
            zeros &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        if (zeros || v6.isIPv4CompatibleAddress() || nat64) {
            v4 = new byte[] { b[12], b[13], b[14], b[15] };
        } else if (b[0] == 0x20 && b[1] == 0x02) { // 6to4: 2002:AABB:CCDD::/48
            v4 = new byte[] { b[2], b[3], b[4], b[5] };
        }
        if (v4 == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** @return what makes this host name local, or {@code null} when it looks public */
    static String localName(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return "this machine's own name";
        }
        if (!host.contains(".")) {
            return "a name without a dot, which only a local network resolves";
        }
        for (String suffix : new String[] { ".local", ".internal", ".home.arpa" }) {
            if (host.endsWith(suffix)) {
                return "a name under \"" + suffix + "\", which only a local network resolves";
            }
        }
        return null;
    }

    private static ProtocolException local(String field, String host, String kind) {
        return refused(field, "names " + host + ", " + kind + ": peers elsewhere cannot reach it there, and this lookup "
                + "server accepts only public addresses and names (one for a local network is started with "
                + "--local-network)");
    }

    private static ProtocolException refused(String field, String why) {
        return new ProtocolException(ProtocolError.INVALID_VALUE, field, "\"" + field + "\" " + why);
    }
}
