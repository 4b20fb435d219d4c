package de.stadtlabore.access;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TrustedProviderRepository implements PanacheRepositoryBase<TrustedProvider, UUID> {

    public List<TrustedProvider> forMunicipality(UUID municipalityId) {
        return list("municipalityId = ?1 order by issuer", municipalityId);
    }

    public List<TrustedProvider> withIssuer(String issuer) {
        return list("issuer", issuer);
    }

    /** Every provider with its municipality's slug. */
    public List<Object[]> allWithMunicipalitySlug() {
        return getEntityManager()
                .createQuery("select p, m.slug from TrustedProvider p, Municipality m where m.id = p.municipalityId",
                        Object[].class)
                .getResultList();
    }
}
