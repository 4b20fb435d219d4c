-- Issue 14: which version of the consent text a registrant accepted (registrations before this
-- release accepted version 1, the text the contract described until then).
alter table registration add column consent_version varchar(20);
update registration set consent_version = '1';
alter table registration alter column consent_version set not null;

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

-- Finding every registration of one address, across events and municipalities.
create index registration_email_idx on registration (lower(email)) where email is not null;
