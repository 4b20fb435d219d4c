package de.stadtlabore.access.apikeys;

/** The answer to creating a key: the only time the secret is shown. */
public record CreatedApiKey(ApiKeyView key, String secret) {
}
