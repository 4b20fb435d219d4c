package de.stadtlabore.municipalities;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MunicipalityRepository implements PanacheRepositoryBase<Municipality, UUID> {

    public Optional<Municipality> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
