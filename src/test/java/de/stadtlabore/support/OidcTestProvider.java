package de.stadtlabore.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Starts the WireMock OIDC provider once for all {@code @QuarkusTest}s. */
@QuarkusTestResource(OidcWiremockTestResource.class)
public class OidcTestProvider {
}
