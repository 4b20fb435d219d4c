-- Issue 14: which version of the consent text a registrant accepted. Registrations before this
-- release accepted version 1, the text the contract described until then, and so do those of
-- the previous release while a rolling update runs both: a default, which PostgreSQL adds
-- without rewriting or locking the table for longer than a moment.
alter table registration add column consent_version varchar(20) not null default '1';

-- A citizen's request to see or erase what the network holds about an e-mail address. The address
-- is kept only until the request's link expires (a job deletes the row then); the secret of the
-- link only as a hash.
create table privacy_request (
    id            uuid primary key,
    email         varchar(254) not null,
    token_hash    varchar(64)  not null,
    created_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    exported_at   timestamptz,
    erased_at     timestamptz
);
create index privacy_request_expiry_idx on privacy_request (expires_at);

-- The index for finding every registration of one address is built in V20, concurrently.
