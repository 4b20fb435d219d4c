package de.stadtlabore.common.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many requests a caller may send per window; counted in PostgreSQL, across replicas. */
@ConfigMapping(prefix = "stadtlabore.rate-limit")
public interface RateLimitConfig {

    /** Whether requests are counted and limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Anonymous callers, per client address. */
    @WithDefault("300")
    int anonymous();

    /** People with a token, per token subject. */
    @WithDefault("600")
    int person();

    /** Municipal IT, per API key. */
    @WithDefault("1200")
    int apiKey();

    /** The window of the three limits above. */
    @WithDefault("1M")
    Duration window();

    /** Calendar feeds ({@code .ics}), per client address and window of {@link #feedWindow()}. */
    @WithDefault("60")
    int feed();

    @WithDefault("1H")
    Duration feedWindow();

    /** Registrations per client address and {@link #registrationWindow()}. */
    @WithDefault("20")
    int registrationPerAddress();

    /** Registrations per e-mail address and {@link #registrationWindow()}. */
    @WithDefault("5")
    int registrationPerEmail();

    @WithDefault("24H")
    Duration registrationWindow();

    /** Requests for one's data ({@code POST /privacy/requests}) per client address and {@link #privacyRequestWindow()}. */
    @WithDefault("10")
    int privacyRequestPerAddress();

    /** Such requests per e-mail address and window: the most mails one address gets from them. */
    @WithDefault("3")
    int privacyRequestPerEmail();

    @WithDefault("24H")
    Duration privacyRequestWindow();
}
