package de.stadtlabore.common.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks held until the current transaction ends, named by text: they hold
 * across replicas, because every replica asks the same database.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for the lock named {@code key}. */
    public static void lock(EntityManager em, String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))").setParameter("key", key)
                .getSingleResult();
    }

    /** Takes the lock named {@code key} if nobody holds it; false if somebody does. */
    public static boolean tryLock(EntityManager em, String key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", key).getSingleResult();
    }
}
