package de.stadtlabore.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a {@code POST} operation that honours an {@code Idempotency-Key}: a retry with the same
 * key and body gets the first response again instead of doing the work twice. Every
 * {@code POST} carries it (checked by {@code IdempotencyTest}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Idempotent {
}
