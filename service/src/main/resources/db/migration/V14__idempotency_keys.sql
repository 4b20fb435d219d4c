-- Idempotency keys (issue 12): the first response to a POST with an Idempotency-Key, kept for
-- 24 hours so that a retry gets it again instead of doing the work twice. Neither the key nor
-- the response is stored in clear: the row is found by a SHA-256 of caller scope and key, and
-- the response is sealed (AES-GCM) with a key derived from the idempotency key itself, so that
-- a copy of the database reveals no registrant's data or shown-once secret.
create table idempotency_key (
    id           bytea       primary key,   -- SHA-256 of the caller's scope and the key
    fingerprint  bytea       not null,      -- SHA-256 of method, path, query and canonical body
    status       smallint    not null,
    response     bytea       not null,      -- sealed: status, headers, body
    created_at   timestamptz not null default now()
);

create index idempotency_key_created_idx on idempotency_key (created_at);
