package de.stadtlabore.devservices;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Just enough JOSE for a development identity provider: RS256 keys, JWKs and signed JWTs. */
final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** An RSA signing key with its key id. */
    record SigningKey(String kid, KeyPair pair) {

        static SigningKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return new SigningKey(UUID.randomUUID().toString(), generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        Map<String, Object> jwk() {
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", "RS256");
            jwk.put("kid", kid);
            jwk.put("n", B64.encodeToString(unsigned(key.getModulus())));
            jwk.put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
            return jwk;
        }
    }

    private Jwts() {
    }

    /** A compact JWS signed with RS256, or an unsecured JWT ({@code alg: none}) when key is null. */
    static String sign(Map<String, Object> claims, String kid, PrivateKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", key == null ? "none" : "RS256");
        header.put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = part(header) + "." + part(claims);
        if (key == null) {
            return input + ".";
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Map<String, Object> json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
