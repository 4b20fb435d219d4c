package de.stadtlabore.access.apikeys;

import java.security.SecureRandom;

import de.stadtlabore.common.security.Secrets;

/**
 * Key format: {@code slk_<8 characters>_<43 characters>}. The first part is the visible prefix
 * (recognisable in logs and secret scanners); the whole key is hashed with SHA-256 for storage.
 */
public final class ApiKeySecrets {

    public static final String MARKER = "slk_";
    private static final String PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record NewKey(String prefix, String secret) {
    }

    private ApiKeySecrets() {
    }

    public static NewKey generate() {
        StringBuilder prefix = new StringBuilder(MARKER);
        for (int i = 0; i < 8; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        return new NewKey(prefix.toString(), prefix + "_" + Secrets.random(32));
    }

    public static String hash(String secret) {
        return Secrets.sha256Hex(secret);
    }

    /** Whether a string looks like one of our keys (used to spot keys sent in URLs). */
    static boolean looksLikeKey(String value) {
        return value != null && value.startsWith(MARKER) && value.length() > 20;
    }
}
