package de.stadtlabore.common.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;

/**
 * A state that knows which states may follow it. Every lifecycle of the service (projects,
 * purchases, loans, invitations) is an enum of this kind; {@link #moveTo} is the one place where a
 * transition the lifecycle does not allow becomes a {@code 409 Conflict}.
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> extends WireName {

    /** The states this one may become. */
    Set<S> next();

    default boolean canBecome(S target) {
        return next().contains(target);
    }

    /** {@code target}, if this state may become it; a conflict otherwise. */
    default S moveTo(S target) {
        if (!canBecome(target)) {
            throw new ApiException(ProblemType.CONFLICT, "detail.invalid-transition", wireName(), target.wireName());
        }
        return target;
    }

    /**
     * {@code target}, if some transition leads to it; naming a state that none leads to (the
     * initial one) is invalid input for {@code field}.
     */
    static <S extends Enum<S> & Lifecycle<S>> S reachable(String field, S target) {
        List<S> reachable = Arrays.stream(target.getDeclaringClass().getEnumConstants())
                .filter(state -> Arrays.stream(target.getDeclaringClass().getEnumConstants()).anyMatch(s -> s.canBecome(state)))
                .toList();
        if (!reachable.contains(target)) {
            throw ApiException.invalid(List.of(new Violation(field, "field.one-of",
                    String.join(", ", reachable.stream().map(WireName::wireName).toList()))));
        }
        return target;
    }
}
