package de.stadtlabore.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.inventory.Item;
import de.stadtlabore.inventory.ItemStatus;
import de.stadtlabore.labs.Lab;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** {@code array_has(?, column)} against PostgreSQL: ids, converted enums, an empty array. */
@QuarkusTest
class ArrayHasFunctionTest {

    @Inject
    EntityManager em;

    @Test
    void findsTheRowsWhoseValueTheArrayHolds() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<UUID> all = em.createQuery("select l.id from Lab l order by l.id", UUID.class).getResultList();
            assertThat(all).hasSizeGreaterThan(2);
            UUID[] two = {all.get(0), all.get(2)};
            assertThat(em.createQuery("select l.id from Lab l where array_has(?1, l.id) order by l.id", UUID.class)
                    .setParameter(1, two).getResultList()).containsExactly(two);
            assertThat(em.createQuery("select l from Lab l where array_has(?1, l.id)", Lab.class)
                    .setParameter(1, new UUID[0]).getResultList()).isEmpty();
        });
    }

    @Test
    void comparesAConvertedColumnWithItsWireNames() {
        QuarkusTransaction.requiringNew().run(() -> {
            long available = em.createQuery("select count(i) from Item i where i.status = ?1", Long.class)
                    .setParameter(1, ItemStatus.AVAILABLE).getSingleResult();
            long all = em.createQuery("select count(i) from Item i", Long.class).getSingleResult();
            assertThat(available).isPositive();
            assertThat(em.createQuery("select i from Item i where array_has(?1, i.status)", Item.class)
                    .setParameter(1, new String[] {ItemStatus.AVAILABLE.wireName()}).getResultList())
                    .hasSize((int) available).allMatch(i -> i.status == ItemStatus.AVAILABLE);
            assertThat(em.createQuery("select count(i) from Item i where array_has(?1, i.status)", Long.class)
                    .setParameter(1, WireName.wireNames(List.of(ItemStatus.values()))).getSingleResult()).isEqualTo(all);
        });
    }
}
