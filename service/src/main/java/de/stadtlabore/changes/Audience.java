package de.stadtlabore.changes;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who may see a change: the same reach as the object it is about, decided by the feature that
 * owns the object with the rules its API uses. Everyone (public objects), the network's members
 * (network-shared objects), or only the named municipalities (their own objects, the two sides
 * of a loan).
 */
public record Audience(Reach reach, List<UUID> municipalities) {

    public enum Reach {
        PUBLIC, NETWORK, MUNICIPALITIES
    }

    public Audience {
        municipalities = municipalities.stream().filter(Objects::nonNull).distinct().toList();
    }

    public static Audience everyone() {
        return new Audience(Reach.PUBLIC, List.of());
    }

    public static Audience network() {
        return new Audience(Reach.NETWORK, List.of());
    }

    public static Audience only(UUID... municipalities) {
        return new Audience(Reach.MUNICIPALITIES, Arrays.asList(municipalities));
    }
}
