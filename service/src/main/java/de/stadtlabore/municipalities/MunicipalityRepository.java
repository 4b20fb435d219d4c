package de.stadtlabore.municipalities;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MunicipalityRepository implements PanacheRepositoryBase<Municipality, UUID> {

    public Optional<Municipality> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The municipality, locked until the transaction ends, so that writes to it are serialised. */
    public Optional<Municipality> holdBySlug(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
