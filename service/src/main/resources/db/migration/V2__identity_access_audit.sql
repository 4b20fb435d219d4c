-- Identity providers a municipality trusts. A token's issuer decides the municipality; several
-- municipalities may share one provider if each names the claim that carries its slug.
create table identity_provider (
    id                  uuid primary key,
    municipality_id     uuid         not null references municipality (id) on delete cascade,
    issuer              varchar(500) not null check (issuer ~ '^https?://'),
    auth_server_url     varchar(500) check (auth_server_url ~ '^https?://'),
    audience            varchar(200) not null,
    municipality_claim  varchar(100),
    roles_claim         varchar(200) not null default 'realm_access/roles',
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    unique (issuer, municipality_id)
);
create index identity_provider_issuer_idx on identity_provider (issuer);

-- API keys for municipal IT. Only a SHA-256 hash of the secret is stored; the prefix is shown.
create table api_key (
    id               uuid primary key,
    municipality_id  uuid         not null references municipality (id) on delete cascade,
    name             varchar(100) not null,
    prefix           varchar(20)  not null unique,
    secret_hash      varchar(64)  not null unique check (length(secret_hash) = 64),
    scopes           text[]       not null,
    created_at       timestamptz  not null default now(),
    created_by       varchar(300) not null,
    expires_at       timestamptz  not null,
    last_used_at     timestamptz,
    revoked_at       timestamptz,
    check (expires_at > created_at)
);
create index api_key_municipality_idx on api_key (municipality_id, created_at);

-- Every write: who, for which municipality, what, on which target, when, in which request.
create table audit_event (
    id               uuid primary key,
    occurred_at      timestamptz  not null default now(),
    municipality_id  uuid references municipality (id) on delete set null,
    actor_type       varchar(20)  not null check (actor_type in ('user', 'api-key')),
    actor_subject    varchar(300) not null,
    actor_issuer     varchar(500),
    api_key_id       uuid,
    action           varchar(100) not null,
    target_type      varchar(50)  not null,
    target_id        varchar(200) not null,
    request_id       varchar(64)
);
create index audit_event_municipality_time_idx on audit_event (municipality_id, occurred_at desc, id);
create index audit_event_target_idx on audit_event (target_type, target_id);
create index audit_event_actor_idx on audit_event (actor_subject);
