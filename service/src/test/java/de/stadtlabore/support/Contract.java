package de.stadtlabore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

/** The contract at the repository root, and RestAssured filters that hold traffic to it. */
public final class Contract {

    public static final Path FILE = Repository.file("openapi.yaml");

    /** Validates request and response of every exchange against the contract. */
    public static final OpenApiValidationFilter STRICT = filter(LevelResolver.create().build());

    /**
     * For requests that are wrong on purpose (bad parameters, malformed bodies): the request is
     * not checked, the response still is.
     */
    public static final OpenApiValidationFilter RESPONSE_ONLY = filter(LevelResolver.create()
            .withLevel("validation.request", ValidationReport.Level.IGNORE)
            .build());

    private Contract() {
    }

    public static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiValidationFilter filter(LevelResolver levels) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForInlineApiSpecification(text())
                .withResolveCombinators(true)
                .withLevelResolver(levels)
                .build());
    }
}
