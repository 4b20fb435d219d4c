package de.stadtlabore.support;

import java.util.Locale;
import java.util.UUID;

/**
 * Names that no other test uses: every test creates what it needs under names of its own, so that
 * tests neither clean up after each other nor depend on their order.
 */
public final class Unique {

    private Unique() {
    }

    /** {@code prefix} with a random suffix, valid as a slug: {@code test-lab-k3x9q2}. */
    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** A title or inventory number of its own: {@code Test Vortrag 3f9a2c1d}. */
    public static String name(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
