-- Events of the labs: single events and recurring series (RFC 5545 RRULE/EXDATE), stored in
-- local time with their zone, so that 09:30 stays 09:30 across daylight-saving changes.
create table event (
    id                    uuid primary key,
    lead_lab_id           uuid          not null references lab (id),
    title                 varchar(200)  collate "de-x-icu" not null,
    description           text          not null default '',
    category              varchar(60)   not null check (category ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    topics                text[]        not null default '{}',
    format                varchar(10)   not null check (format in ('in-person', 'online', 'hybrid')),
    place_lab_id          uuid          references lab (id),
    place_address         varchar(500),
    online_url            varchar(1000) check (online_url ~ '^https?://'),
    accessibility_notes   text,
    visibility            varchar(10)   not null check (visibility in ('public', 'network')),
    status                varchar(10)   not null check (status in ('scheduled', 'cancelled')),
    time_zone             varchar(60)   not null default 'Europe/Berlin',
    starts_local          timestamp     not null,
    ends_local            timestamp     not null,
    rrule                 varchar(500),
    exdates               timestamp[]   not null default '{}',
    sequence              integer       not null default 0,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    version               bigint        not null default 0,
    search_vector         tsvector generated always as (
        setweight(to_tsvector('german', title), 'A')
        || setweight(to_tsvector('german', text_array_to_string(topics)), 'B')
        || setweight(to_tsvector('german', description), 'C')
    ) stored,
    check (ends_local > starts_local),
    check (format = 'in-person' or online_url is not null),
    check (format = 'online' or place_lab_id is not null or place_address is not null)
);
create index event_lead_lab_idx on event (lead_lab_id);
create index event_search_idx on event using gin (search_vector);
create index event_topics_idx on event using gin (topics);

-- Co-organising labs, also of other municipalities: invited, then accepted (or declined).
create table event_organiser (
    event_id      uuid        not null references event (id) on delete cascade,
    lab_id        uuid        not null references lab (id),
    status        varchar(10) not null check (status in ('invited', 'accepted', 'declined')),
    invited_at    timestamptz not null default now(),
    responded_at  timestamptz,
    primary key (event_id, lab_id)
);
create index event_organiser_lab_idx on event_organiser (lab_id);

-- Single occurrences of a series that were cancelled or moved (RECURRENCE-ID).
create table occurrence_override (
    event_id        uuid      not null references event (id) on delete cascade,
    original_start  timestamp not null,
    cancelled       boolean   not null default false,
    starts_local    timestamp,
    ends_local      timestamp,
    primary key (event_id, original_start),
    check (cancelled or (starts_local is not null and ends_local > starts_local))
);
