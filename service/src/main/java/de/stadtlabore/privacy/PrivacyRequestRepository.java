package de.stadtlabore.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PrivacyRequestRepository implements PanacheRepositoryBase<PrivacyRequest, UUID> {

    /** Deletes requests whose link expired, with the addresses they name; one statement, safe on every replica. */
    public int deleteExpired(OffsetDateTime now) {
        return (int) delete("expiresAt < ?1", now);
    }
}
