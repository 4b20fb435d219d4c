package de.stadtlabore.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;

/**
 * Entity tags of representations, and the {@code If-Match} check of updates: a client may only
 * change what it has seen in its current state.
 */
@ApplicationScoped
public class RepresentationTags {

    @Inject
    ObjectMapper objectMapper;

    public String of(Object representation) {
        try {
            return ETags.of(objectMapper.writeValueAsBytes(representation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Representation cannot be serialised", e);
        }
    }

    /** 428 without {@code If-Match}, 412 when it does not name the current representation. */
    public void requireMatch(String ifMatch, Object currentRepresentation) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED, "detail.if-match-required");
        }
        String current = of(currentRepresentation);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new ApiException(ProblemType.PRECONDITION_FAILED, "detail.stale-if-match");
    }
}
