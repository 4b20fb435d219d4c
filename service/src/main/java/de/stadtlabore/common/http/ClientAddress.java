package de.stadtlabore.common.http;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client a request comes from, as throttling and rate limits count it: its IPv4 address, or
 * the /64 network of its IPv6 address — one IPv6 client usually owns a whole /64 and could
 * otherwise pick a fresh address for every request.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : bucket(request.remoteAddress().hostAddress());
    }

    static String bucket(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] ip = java.net.InetAddress.getByName(address).getAddress();
            if (ip.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((ip[i] & 0xff) << 8) | (ip[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }
}
