package de.stadtlabore.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;
import io.smallrye.health.api.Wellness;

/**
 * Whether each trusted identity provider answered this replica's last key fetch: DOWN when one
 * did not, with each provider's issuer and state as data. A wellness check
 * ({@code /q/health/well}, and {@code /q/health/group/identity-providers}), never readiness: one
 * municipality's provider being down must not take the replicas out of service for everyone.
 * It reports what the scheduled key checks found and contacts no provider itself.
 */
@Wellness
@HealthGroup("identity-providers")
@ApplicationScoped
public class IdentityProviderHealth implements HealthCheck {

    @Inject
    ProviderKeys keys;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Identity providers").up();
        for (ProviderKeys.Reachability provider : keys.reachability()) {
            String state;
            if (provider.reachable()) {
                state = "UP (reached " + provider.contactedAt() + ")";
            } else {
                response.down();
                state = "DOWN (" + provider.failures() + " failed attempts, last at " + provider.contactedAt()
                        + (provider.hasKeys() ? "; its last keys stay in use)" : "; its tokens are refused with 503)");
            }
            response.withData(provider.issuer(), state);
        }
        return response.build();
    }
}
