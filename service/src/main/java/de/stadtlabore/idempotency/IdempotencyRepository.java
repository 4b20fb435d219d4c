package de.stadtlabore.idempotency;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import de.stadtlabore.common.persistence.AdvisoryLocks;

/** The kept first responses, one row per caller scope and key (table {@code idempotency_key}). */
@ApplicationScoped
class IdempotencyRepository {

    /** A kept response: what was asked, and the sealed answer. */
    record Kept(byte[] fingerprint, byte[] response) {
    }

    @Inject
    EntityManager em;

    /**
     * Takes the key for this transaction, across replicas (a PostgreSQL advisory lock); false when
     * a request with the same key is running now.
     */
    boolean tryLock(byte[] id) {
        return AdvisoryLocks.tryLock(em, "idempotency:" + HexFormat.of().formatHex(id));
    }

    /** The response kept for this id since {@code since}. */
    Optional<Kept> find(byte[] id, OffsetDateTime since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select fingerprint, response from idempotency_key where id = :id and created_at > :since")
                .setParameter("id", id).setParameter("since", since).getResultList();
        return rows.stream().findFirst().map(row -> new Kept((byte[]) row[0], (byte[]) row[1]));
    }

    /**
     * Keeps a response; replaces one only if it expired (a live one, kept by a request that
     * overtook this one, stays).
     */
    void keep(byte[] id, byte[] fingerprint, int status, byte[] response, OffsetDateTime now, OffsetDateTime since) {
        em.createNativeQuery("""
                insert into idempotency_key (id, fingerprint, status, response, created_at)
                values (:id, :fingerprint, :status, :response, :now)
                on conflict (id) do update set fingerprint = excluded.fingerprint, status = excluded.status,
                    response = excluded.response, created_at = excluded.created_at
                where idempotency_key.created_at <= :since""")
                .setParameter("id", id).setParameter("fingerprint", fingerprint).setParameter("status", (short) status)
                .setParameter("response", response).setParameter("now", now).setParameter("since", since)
                .executeUpdate();
    }

    /** Forgets what expired before {@code before}; safe when several replicas run it at once. */
    int purge(OffsetDateTime before) {
        return em.createNativeQuery("delete from idempotency_key where created_at <= :before")
                .setParameter("before", before).executeUpdate();
    }
}
