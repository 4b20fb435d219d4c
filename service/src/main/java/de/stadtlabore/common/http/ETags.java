package de.stadtlabore.common.http;

import java.util.Arrays;
import java.util.Base64;

import de.stadtlabore.common.security.Secrets;

/**
 * Entity tags are derived from the exact bytes of a representation, so that any change to what a
 * client would see changes the tag, and the same state always yields the same tag.
 */
public final class ETags {

    private ETags() {
    }

    /** A strong entity tag, quoted as it appears in the {@code ETag} header. */
    public static String of(byte[] representation) {
        byte[] digest = Secrets.sha256(representation);
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
    }

    /**
     * Whether an {@code If-None-Match} header matches the tag (weak comparison, RFC 9110
     * §13.1.2): {@code *} or any listed tag with the same opaque value.
     */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = stripWeak(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || stripWeak(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
