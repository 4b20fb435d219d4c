package de.stadtlabore.access.apikeys;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Optional<ApiKey> findBySecretHash(String hash) {
        return find("secretHash", hash).firstResultOptional();
    }

    public Optional<ApiKey> findInMunicipality(UUID id, UUID municipalityId) {
        return find("id = ?1 and municipalityId = ?2", id, municipalityId).firstResultOptional();
    }
}
