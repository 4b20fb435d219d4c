package de.stadtlabore.access;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which identity-provider URLs the service may talk to. In production only {@code https}, and
 * never loopback, link-local (cloud metadata), private, shared or multicast addresses, unless
 * an operator allows them by configuration: otherwise onboarding a provider would let the
 * service be pointed at the inside of its own network.
 */
@ApplicationScoped
public class ProviderUrlPolicy {

    @Inject
    IdentityConfig config;

    /** A message key saying why the service must not contact this URL; null if it may. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "field.provider-url-invalid";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(scheme.equals("http") && config.providerUrls().allowHttp())) {
            return "field.provider-url-https";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "field.provider-url-invalid";
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            // Not resolvable now: nothing to judge. Every fetch checks again where the name points.
            return null;
        }
        return addresses.stream().map(this::refusal).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return config.providerUrls().allowLoopback() ? null : "field.provider-url-internal";
        }
        boolean internal = address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || isSharedOrUniqueLocal(address.getAddress());
        return internal && !config.providerUrls().allowPrivateNetworks() ? "field.provider-url-internal" : null;
    }

    /** 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8 and fc00::/7 (unique local), which Java does not name. */
    private static boolean isSharedOrUniqueLocal(byte[] ip) {
        if (ip.length == 4) {
            return ip[0] == 0 || ((ip[0] & 0xff) == 100 && (ip[1] & 0xc0) == 64);
        }
        return (ip[0] & 0xfe) == 0xfc;
    }
}
