package de.stadtlabore.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.security.Secrets;

/**
 * One request with an {@code Idempotency-Key}, as the store knows it: the row id (a hash of the
 * caller's scope and the key), the fingerprint of what was asked (method, path, query and the
 * canonical body), and the key that seals its response. Neither the key nor the response is
 * stored in clear; whoever holds the key and acts as the same caller can open the response.
 */
record IdempotentRequest(byte[] id, byte[] fingerprint, byte[] sealKey) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /** Printable ASCII, as HTTP header values are; at most 255 characters. */
    private static final Pattern ACCEPTED = Pattern.compile("[\\x20-\\x7E]{1," + MAX_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /**
     * @param scope who asks: an API key, a token's issuer and subject, or nobody (anonymous
     *              callers share one scope, so the key alone tells their requests apart)
     */
    static IdempotentRequest of(String key, String scope, String method, String path, String query, byte[] body) {
        if (key == null || !ACCEPTED.matcher(key).matches() || key.isBlank()) {
            throw ApiException.invalid(List.of(new Violation(HEADER, "field.idempotency-key", MAX_LENGTH)));
        }
        byte[] id = hash("id", scope, key);
        byte[] seal = hash("seal", scope, key);
        byte[] asked = (method + "\n" + path + "\n" + (query == null ? "" : query) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] fingerprint = Secrets.sha256(concat(asked, body));
        return new IdempotentRequest(id, fingerprint, seal);
    }

    boolean asks(byte[] storedFingerprint) {
        return java.security.MessageDigest.isEqual(fingerprint, storedFingerprint);
    }

    byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plain);
        return concat(nonce, sealed);
    }

    byte[] open(byte[] sealed) {
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES),
                Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(sealKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(id);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing an idempotent response failed", e);
        }
    }

    /** SHA-256 of a purpose, the scope and the key: different purposes never share a value. */
    private static byte[] hash(String purpose, String scope, String key) {
        return Secrets.sha256(("stadtlabore:idempotency:" + purpose + "\n" + scope + "\n" + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
