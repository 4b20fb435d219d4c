package de.stadtlabore.common.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose anonymous callers have an allowance of their own instead of the
 * general one: calendar feeds, registering, and asking for one's data. Decided by the matched method, never by the
 * path's text (which a trailing slash would change).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowance {

    Kind value();

    enum Kind {
        FEED, REGISTRATION, PRIVACY_REQUEST
    }
}
