package de.stadtlabore.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 by hand, for what a client library would not send: raw control characters and
 * percent-escapes in the request line, oversized lines and headers, or a source address of the
 * test's choice (127.0.0.2 is loopback too, but not the tests' trusted proxy).
 */
public final class RawHttp {

    /** The status and the whole answer, head and body. */
    public record Answer(int status, String text) {

        public boolean isProblem() {
            return text.toLowerCase().contains("content-type: application/problem+json") && text.contains("\"requestId\"");
        }
    }

    private RawHttp() {
    }

    /** A GET of the target from 127.0.0.1. */
    public static Answer get(String target, String... headers) throws IOException {
        return getFrom("127.0.0.1", target, headers);
    }

    /** A GET of the target from a local address; the answer must come within ten seconds. */
    public static Answer getFrom(String from, String target, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port,
                InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            Reader in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                text.append(buffer, 0, n);
            }
            String answer = text.toString();
            if (!answer.startsWith("HTTP/1.1 ")) {
                throw new IOException("no HTTP answer to " + target + ": " + answer);
            }
            return new Answer(Integer.parseInt(answer.substring(9, 12)), answer);
        }
    }
}
