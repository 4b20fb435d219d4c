package de.stadtlabore.devservices;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.build.Jwt;

/**
 * An RS256 signing key of a realm: generated and published as a JWK with jose4j, tokens signed
 * with it by smallrye-jwt-build, as any OpenID Connect provider would.
 */
final class SigningKey {

    private final RsaJsonWebKey jwk;

    private SigningKey(RsaJsonWebKey jwk) {
        this.jwk = jwk;
    }

    static SigningKey generate() {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            jwk.setKeyId(UUID.randomUUID().toString());
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return new SigningKey(jwk);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }

    String kid() {
        return jwk.getKeyId();
    }

    /** The public half, for the realm's JWKS. */
    Map<String, Object> publicJwk() {
        return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** A compact JWS of the claims; {@code kid} names the key in the header (tests may name another). */
    String sign(Map<String, Object> claims, String kid) {
        return Jwt.claims(claims).jws().keyId(kid).sign(jwk.getPrivateKey());
    }

    /**
     * The same claims as an unsecured JWT ({@code alg: none}) that still names a key the
     * verifier knows, which no verifier may accept.
     */
    String unsigned(Map<String, Object> claims, String kid) {
        String payload = sign(claims, kid).split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + ".";
    }
}
