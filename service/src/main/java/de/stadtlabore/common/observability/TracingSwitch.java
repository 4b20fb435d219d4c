package de.stadtlabore.common.observability;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * OpenTelemetry traces are exported only where someone receives them: the SDK is off unless an
 * OTLP endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} or
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}). Without this, the exporter would send
 * to {@code localhost:4317} and log a failure for every batch. An explicit
 * {@code quarkus.otel.sdk.disabled} wins (this source ranks below application.properties).
 */
public class TracingSwitch implements ConfigSourceFactory {

    static final String DISABLED = "quarkus.otel.sdk.disabled";
    private static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Set by someone: not the extension's default (http://localhost:4317), which Quarkus
        // serves from a source of the lowest ordinal.
        boolean configured = ENDPOINTS.stream().map(context::getValue)
                .anyMatch(value -> value != null && value.getValue() != null && !value.getValue().isBlank()
                        && value.getSourceOrdinal() > 0);
        return List.of(new PropertiesConfigSource(Map.of(DISABLED, Boolean.toString(!configured)),
                "stadtlabore-tracing-switch", ORDINAL));
    }
}
