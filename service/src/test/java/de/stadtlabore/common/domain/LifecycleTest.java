package de.stadtlabore.common.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.inventory.ReservationStatus;
import de.stadtlabore.projects.ProjectStatus;
import de.stadtlabore.purchases.ProposalStatus;

class LifecycleTest {

    @Test
    void aTransitionTheLifecycleAllowsHappens() {
        assertThat(ProjectStatus.ACTIVE.moveTo(ProjectStatus.PAUSED)).isEqualTo(ProjectStatus.PAUSED);
        assertThat(ProjectStatus.PAUSED.moveTo(ProjectStatus.ACTIVE)).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(ReservationStatus.REQUESTED.moveTo(ReservationStatus.EXPIRED)).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(InvitationStatus.INVITED.moveTo(InvitationStatus.DECLINED)).isEqualTo(InvitationStatus.DECLINED);
    }

    @Test
    void anyOtherIsAConflictNamingBothStates() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> ReservationStatus.REQUESTED.moveTo(ReservationStatus.RETURNED));
        assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(e.detailKey()).isEqualTo("detail.invalid-transition");
        assertThat(e.detailArgs()).containsExactly("requested", "returned");
        assertThat(ProjectStatus.COMPLETED.canBecome(ProjectStatus.ACTIVE)).isFalse();
        assertThat(InvitationStatus.ACCEPTED.canBecome(InvitationStatus.DECLINED)).isFalse();
    }

    @Test
    void finalStatesLeadNowhereAndEveryOtherStateSomewhere() {
        assertThat(Arrays.stream(ProposalStatus.values()).filter(s -> s.next().isEmpty()))
                .containsExactlyInAnyOrder(ProposalStatus.RECEIVED, ProposalStatus.REJECTED, ProposalStatus.WITHDRAWN);
        assertThat(Arrays.stream(ReservationStatus.values()).filter(s -> s.next().isEmpty())).containsExactlyInAnyOrder(
                ReservationStatus.REJECTED, ReservationStatus.EXPIRED, ReservationStatus.RETURNED, ReservationStatus.CANCELLED);
    }

    @Test
    void theInitialStateIsNoTarget() {
        assertThat(Lifecycle.reachable("status", ProposalStatus.AGREED)).isEqualTo(ProposalStatus.AGREED);
        ApiException e = catchThrowableOfType(ApiException.class, () -> Lifecycle.reachable("status", ProposalStatus.OPEN));
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(e.violations().get(0).field()).isEqualTo("status");
        assertThat(e.violations().get(0).args()).containsExactly("agreed, ordered, received, rejected, withdrawn");
    }

    @Test
    void wireNamesAreLowerCaseWithHyphensBothWays() {
        assertThat(ReservationStatus.HANDED_OVER.wireName()).isEqualTo("handed-over");
        assertThat(WireName.parse(ReservationStatus.class, "handed-over")).contains(ReservationStatus.HANDED_OVER);
        assertThat(WireName.parse(ReservationStatus.class, "HANDED_OVER")).isEmpty();
        ReservationStatus.Column column = new ReservationStatus.Column();
        assertThat(column.convertToDatabaseColumn(ReservationStatus.HANDED_OVER)).isEqualTo("handed-over");
        assertThat(column.convertToEntityAttribute("handed-over")).isEqualTo(ReservationStatus.HANDED_OVER);
        assertThat(column.convertToEntityAttribute(null)).isNull();
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> column.convertToEntityAttribute("lost")))
                .hasMessageContaining("lost");
    }
}
