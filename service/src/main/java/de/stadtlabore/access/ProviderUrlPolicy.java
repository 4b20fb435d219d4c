package de.stadtlabore.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import de.stadtlabore.common.http.OutboundUrls;

/**
 * Which identity-provider URLs the service may talk to: the rules of {@link OutboundUrls} with
 * what the operator allows for providers; otherwise onboarding a provider would let the service
 * be pointed at the inside of its own network.
 */
@ApplicationScoped
public class ProviderUrlPolicy {

    @Inject
    IdentityConfig config;

    /** A message key saying why the service must not contact this URL; null if it may. */
    public String refusal(String url) {
        OutboundUrls.Refusal refusal = OutboundUrls.refusal(url, allowed());
        return refusal == null ? null : switch (refusal) {
            case INVALID -> "field.provider-url-invalid";
            case NOT_HTTPS -> "field.provider-url-https";
            case INTERNAL -> "field.provider-url-internal";
        };
    }

    private OutboundUrls.Allowed allowed() {
        return new OutboundUrls.Allowed(config.providerUrls().allowHttp(), config.providerUrls().allowLoopback(),
                config.providerUrls().allowPrivateNetworks());
    }
}
