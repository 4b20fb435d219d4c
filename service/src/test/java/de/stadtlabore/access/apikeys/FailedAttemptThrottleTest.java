package de.stadtlabore.access.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FailedAttemptThrottleTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final TestClock clock = new TestClock();
    final FailedAttemptThrottle throttle = new FailedAttemptThrottle(3, Duration.ofMinutes(5), clock, 100);

    @Test
    void aClientIsThrottledAfterTooManyFailuresForTheRestOfTheWindow() {
        throttle.recordFailure("198.51.100.7");
        throttle.recordFailure("198.51.100.7");
        assertThat(throttle.retryAfter("198.51.100.7")).isZero();
        clock.now = clock.now.plusSeconds(60);
        throttle.recordFailure("198.51.100.7");
        // The window began with the first failure: four minutes are left of it.
        assertThat(throttle.retryAfter("198.51.100.7")).isEqualTo(Duration.ofMinutes(4));
        assertThat(throttle.retryAfter("198.51.100.8")).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.retryAfter("198.51.100.7")).isZero();
    }

    @Test
    void failuresOfAnExpiredWindowDoNotCount() {
        throttle.recordFailure("198.51.100.9");
        throttle.recordFailure("198.51.100.9");
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        throttle.recordFailure("198.51.100.9");
        throttle.recordFailure("198.51.100.9");
        assertThat(throttle.retryAfter("198.51.100.9")).isZero();
        throttle.recordFailure("198.51.100.9");
        assertThat(throttle.retryAfter("198.51.100.9")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void expiredClientsAreForgottenWhenTooManyAreTracked() {
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("client-" + i);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        throttle.recordFailure("late");
        assertThat(throttle.tracked()).isEqualTo(1);
    }

    @Test
    void addressesChosenByAnAttackerNeverGrowTheMapBeyondItsCapacity() {
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("198.51.100.1");
        }
        for (int i = 0; i < 10_000; i++) {
            throttle.recordFailure("2001:db8::" + Integer.toHexString(i));
            assertThat(throttle.tracked()).isLessThanOrEqualTo(100);
        }
        // The client with the most failures is kept, and still throttled.
        assertThat(throttle.retryAfter("198.51.100.1")).isPositive();
    }
}
