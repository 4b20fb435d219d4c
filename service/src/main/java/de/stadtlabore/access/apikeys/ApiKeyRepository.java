package de.stadtlabore.access.apikeys;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    /** A key with its municipality's slug. */
    public record KeyOf(ApiKey key, String municipality) {
    }

    /** The key with that hash and its municipality's slug, in one query (every API-key request asks). */
    public Optional<KeyOf> findBySecretHash(String hash) {
        return getEntityManager().createQuery("select k, m.slug from ApiKey k, Municipality m"
                + " where m.id = k.municipalityId and k.secretHash = :hash", Object[].class)
                .setParameter("hash", hash).setMaxResults(1).getResultList().stream().findFirst()
                .map(row -> new KeyOf((ApiKey) row[0], (String) row[1]));
    }

    /** Notes that the key was used at that time. */
    public void recordUse(UUID id, OffsetDateTime at) {
        update("lastUsedAt = ?1 where id = ?2", at, id);
    }

    public Optional<ApiKey> findInMunicipality(UUID id, UUID municipalityId) {
        return find("id = ?1 and municipalityId = ?2", id, municipalityId).firstResultOptional();
    }
}
