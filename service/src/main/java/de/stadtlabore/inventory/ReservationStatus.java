package de.stadtlabore.inventory;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.Lifecycle;
import de.stadtlabore.common.domain.WireNameConverter;

/**
 * A loan: requested → approved or rejected (or expired, if nobody decides) → handed over →
 * returned; cancelled before hand-over. A maintenance period: scheduled, or cancelled.
 */
public enum ReservationStatus implements Lifecycle<ReservationStatus> {
    REQUESTED, APPROVED, REJECTED, EXPIRED, HANDED_OVER, RETURNED, CANCELLED, SCHEDULED;

    /** The statuses that hold the item; the database's exclusion constraint covers exactly these. */
    public static final Set<ReservationStatus> BLOCKING = EnumSet.of(REQUESTED, APPROVED, HANDED_OVER, SCHEDULED);

    /** The blocking statuses as an SQL list, built once. */
    private static final String BLOCKING_SQL = BLOCKING.stream().map(status -> "'" + status.wireName() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /**
     * SQL: the reservation row {@code alias} blocks its period. The statuses are written out, so
     * that the planner can use the partial indexes on blocking reservations (the exclusion
     * constraint's, and V13's).
     */
    static String blocking(String alias) {
        return alias + ".status in " + BLOCKING_SQL;
    }

    @Override
    public Set<ReservationStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(APPROVED, REJECTED, EXPIRED, CANCELLED);
            case APPROVED -> EnumSet.of(HANDED_OVER, CANCELLED);
            case HANDED_OVER -> EnumSet.of(RETURNED);
            case SCHEDULED -> EnumSet.of(CANCELLED);
            case REJECTED, EXPIRED, RETURNED, CANCELLED -> EnumSet.noneOf(ReservationStatus.class);
        };
    }

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<ReservationStatus> {
        public Column() {
            super(ReservationStatus.class);
        }
    }
}
