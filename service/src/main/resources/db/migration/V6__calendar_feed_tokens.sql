-- Private calendar feeds: a revocable secret in the feed URL lets a calendar application of lab
-- staff subscribe to network-internal events. Only a hash of the secret is stored.
create table feed_token (
    id               uuid primary key,
    municipality_id  uuid         not null references municipality (id) on delete cascade,
    name             varchar(100) not null,
    token_hash       varchar(64)  not null unique,
    created_by       varchar(300) not null,
    created_at       timestamptz  not null default now(),
    revoked_at       timestamptz
);
create index feed_token_municipality_idx on feed_token (municipality_id, created_at);
