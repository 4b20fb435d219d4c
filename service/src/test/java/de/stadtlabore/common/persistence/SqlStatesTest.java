package de.stadtlabore.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * Which failures mean the database is out of reach (503, and the gate opens), which mean it is
 * merely busy (503, gate stays closed), and which are neither (issue 13).
 */
class SqlStatesTest {

    private static SQLException state(String sqlState) {
        return new SQLException("refused", sqlState);
    }

    @Test
    void aRefusedOrBrokenConnectionOrAShutdownIsAnOutage() {
        for (Throwable failure : new Throwable[] { state("08001"), state("08006"), state("57P01"), state("57P03"),
                new RuntimeException(new SQLException("x", null, new ConnectException("Connection refused"))) }) {
            assertThat(SqlStates.connectionFailed(failure)).as(failure.toString()).isTrue();
            assertThat(SqlStates.databaseUnavailable(failure)).isTrue();
        }
    }

    @Test
    void aBusyPoolIsUnavailableButNoOutage() {
        SQLException busy = new SQLException("Sorry, acquisition timeout!");
        assertThat(SqlStates.databaseUnavailable(busy)).isTrue();
        // Found in review: Agroal's other wording, while a new connection is being made.
        assertThat(SqlStates.databaseUnavailable(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
        assertThat(SqlStates.connectionFailed(busy)).as("the gate must not open under load").isFalse();
        assertThat(SqlStates.databaseUnavailable(state("53300"))).isTrue();
        assertThat(SqlStates.connectionFailed(state("53300"))).isFalse();
        assertThat(SqlStates.databaseUnavailable(new DatabaseUnavailableException())).isTrue();
    }

    @Test
    void constraintsAndOtherErrorsAreNeither() {
        for (String other : new String[] { "23505", "40001", "42P01", null }) {
            assertThat(SqlStates.databaseUnavailable(state(other))).as(other).isFalse();
            assertThat(SqlStates.connectionFailed(state(other))).as(other).isFalse();
        }
    }
}
