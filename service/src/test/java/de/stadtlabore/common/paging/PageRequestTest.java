package de.stadtlabore.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;

class PageRequestTest {

    @Test
    void absentOrBlankMeansTheFirstPageOfTwenty() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(1, 20));
        assertThat(PageRequest.parse(" ", "")).isEqualTo(new PageRequest(1, 20));
        assertThat(PageRequest.parse(" 3 ", "100")).isEqualTo(new PageRequest(3, 100));
        assertThat(new PageRequest(3, 25).offset()).isEqualTo(50);
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> PageRequest.parse("abc", "101"));
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(Violation::field, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("page", "field.not-an-integer"),
                        org.assertj.core.groups.Tuple.tuple("size", "field.max"));
        assertThat(catchThrowableOfType(ApiException.class, () -> PageRequest.parse("0", "0")).violations())
                .extracting(Violation::messageKey).containsExactly("field.min", "field.min");
    }

    @Test
    void aPageBeyondWhatAnOffsetCanHoldIsRefused() {
        assertThat(catchThrowableOfType(ApiException.class,
                () -> PageRequest.parse(String.valueOf(Integer.MAX_VALUE), "100")).violations())
                .extracting(Violation::field).containsExactly("page");
    }

    @Test
    void theEnvelopeCountsPages() {
        assertThat(Page.of(List.of(), new PageRequest(1, 20), 0).totalPages()).isZero();
        assertThat(Page.of(List.of("a"), new PageRequest(1, 20), 20).totalPages()).isEqualTo(1);
        assertThat(Page.of(List.of("a"), new PageRequest(2, 20), 21).totalPages()).isEqualTo(2);
        assertThat(Page.of(List.of("a", "b"), new PageRequest(1, 2), 5).map(String::toUpperCase).items())
                .containsExactly("A", "B");
    }
}
