package de.stadtlabore.changes.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the webhook operations take and answer. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    /**
     * An endpoint as registered or changed: where to deliver, what (change types; none: all), a
     * note for people, and whether deliveries are on (re-enabling clears the reason it was off).
     */
    public record WebhookInput(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 500) String description,
            @Size(max = 100) List<@NotBlank String> eventTypes,
            Boolean enabled) {
    }

    public record WebhookView(UUID id, String municipality, String url, String description, List<String> eventTypes,
            boolean enabled, String disabledReason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** The answer to registering an endpoint: the only time its signing secret is shown. */
    public record CreatedWebhook(WebhookView webhook, String secret) {
    }

    /** One delivery of a change to an endpoint, with the outcome of its latest attempt. */
    public record DeliveryView(UUID id, String changeId, String type, String status, int attempts,
            OffsetDateTime createdAt, OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt, Integer responseStatus,
            Integer durationMs, String error) {
    }
}
