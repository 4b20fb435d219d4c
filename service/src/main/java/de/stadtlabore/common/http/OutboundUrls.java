package de.stadtlabore.common.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Which URLs the service may call on someone's behalf (identity providers, webhook receivers).
 * In production only {@code https}, and never loopback, link-local (cloud metadata), private,
 * shared or multicast addresses, unless an operator allows them: otherwise whoever registers a
 * URL could point the service at the inside of its own network.
 */
public final class OutboundUrls {

    /** What an operator allows beyond public {@code https} addresses. */
    public record Allowed(boolean http, boolean loopback, boolean privateNetworks) {
    }

    /** Why a URL is refused. */
    public enum Refusal {
        INVALID, NOT_HTTPS, INTERNAL
    }

    private OutboundUrls() {
    }

    /** Why the service must not call this URL; null if it may (a name that does not resolve now is judged when called). */
    public static Refusal refusal(String url, Allowed allowed) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Refusal.INVALID;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowed.http())) {
            return Refusal.NOT_HTTPS;
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Refusal.INVALID;
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            return null;
        }
        return addresses.stream().map(address -> refusal(address, allowed)).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** Whether the service may connect to this address. */
    public static Refusal refusal(InetAddress address, Allowed allowed) {
        if (address.isLoopbackAddress()) {
            return allowed.loopback() ? null : Refusal.INTERNAL;
        }
        boolean internal = address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || isSharedOrUniqueLocal(address.getAddress());
        return internal && !allowed.privateNetworks() ? Refusal.INTERNAL : null;
    }

    /** 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8 and fc00::/7 (unique local), which Java does not name. */
    private static boolean isSharedOrUniqueLocal(byte[] ip) {
        if (ip.length == 4) {
            return ip[0] == 0 || ((ip[0] & 0xff) == 100 && (ip[1] & 0xc0) == 64);
        }
        return (ip[0] & 0xfe) == 0xfc;
    }
}
