package de.stadtlabore.events;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One occurrence of a series, cancelled or moved; identified by its original local start. */
@Embeddable
public class OccurrenceOverride {

    @Column(name = "original_start", nullable = false)
    public LocalDateTime originalStart;

    @Column(nullable = false)
    public boolean cancelled;

    @Column(name = "starts_local")
    public LocalDateTime startsLocal;

    @Column(name = "ends_local")
    public LocalDateTime endsLocal;
}
