-- Issue 12: a transactional outbox of changes, read by the change feed and fanned out to
-- webhook endpoints.
--
-- A change is written in the transaction of the write it reports. Its position (the change
-- feed's order) is given later, by one sequencer at a time (an advisory lock), to the changes
-- committed by then: a change that commits later gets a higher position than every change a
-- reader may already have seen, so that a reader who follows positions misses nothing and sees
-- nothing twice. Changes carry no personal data (registrations as counts only).
create table change_event (
    id              uuid        primary key,
    seq             bigserial   not null,   -- the order of recording, within a sequencer batch
    position        bigint      unique,     -- null until sequenced
    type            text        not null,
    capability      text        not null,   -- inventory, events, projects, purchases
    occurred_at     timestamptz not null,
    reach           text        not null check (reach in ('public', 'network', 'municipalities')),
    municipalities  uuid[]      not null default '{}',
    data            jsonb       not null
);

create index change_event_pending_idx on change_event (seq) where position is null;

-- Receivers of a municipality's changes. The signing secret is needed to sign, so it is kept
-- (like a database password), and shown to the registering caller once.
create table webhook_endpoint (
    id               uuid        primary key,
    municipality_id  uuid        not null references municipality (id),
    url              text        not null,
    description      text,
    event_types      text[]      not null default '{}',   -- empty: every type
    enabled          boolean     not null default true,
    disabled_reason  text,
    secret           text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

create index webhook_endpoint_municipality_idx on webhook_endpoint (municipality_id, created_at);

-- How far the fan-out has read the change feed (one row).
create table webhook_fanout (
    id        smallint primary key check (id = 1),
    position  bigint   not null
);
insert into webhook_fanout (id, position) values (1, 0);

-- One delivery per endpoint and change; its attempts are summarised in place (the delivery log).
create table webhook_delivery (
    id               uuid        primary key,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    change_id        uuid        not null references change_event (id),
    status           text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    response_status  integer,
    duration_ms      integer,
    error            text,
    created_at       timestamptz not null,
    unique (endpoint_id, change_id)
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc, id);
