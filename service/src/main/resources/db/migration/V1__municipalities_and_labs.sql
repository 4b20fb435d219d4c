-- Municipalities are the network's tenants; each runs one or more labs.
-- Names sort in German order ("de-x-icu"), whatever the cluster's default collation.
create table municipality (
    id          uuid primary key,
    slug        varchar(60)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(120) collate "de-x-icu" not null,
    state       varchar(60)  not null,
    website     varchar(500),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);

-- array_to_string is only STABLE; a generated column needs an IMMUTABLE expression.
create function text_array_to_string(text[]) returns text
    language sql immutable parallel safe
    as $$ select array_to_string($1, ' ') $$;

create table lab (
    id                   uuid primary key,
    slug                 varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    municipality_id      uuid         not null references municipality (id),
    name                 varchar(200) collate "de-x-icu" not null,
    description          text         not null,
    street               varchar(200) not null,
    postal_code          varchar(10)  not null,
    city                 varchar(100) not null,
    latitude             double precision not null check (latitude between -90 and 90),
    longitude            double precision not null check (longitude between -180 and 180),
    email                varchar(254),
    phone                varchar(40),
    website              varchar(500),
    topics               text[]       not null default '{}',
    step_free_access     boolean      not null default false,
    hearing_loop         boolean      not null default false,
    accessible_toilet    boolean      not null default false,
    accessibility_notes  text,
    opening_hours_notes  text,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              bigint       not null default 0,
    search_vector        tsvector generated always as (
        setweight(to_tsvector('german', name), 'A')
        || setweight(to_tsvector('german', city || ' ' || text_array_to_string(topics)), 'B')
        || setweight(to_tsvector('german', description), 'C')
    ) stored
);

create index lab_municipality_idx on lab (municipality_id);
create index lab_topics_idx on lab using gin (topics);
create index lab_search_idx on lab using gin (search_vector);

-- Regular weekly opening hours; weekday is ISO-8601 (1 = Monday … 7 = Sunday).
create table lab_opening_hours (
    lab_id   uuid     not null references lab (id) on delete cascade,
    weekday  smallint not null check (weekday between 1 and 7),
    opens    time     not null,
    closes   time     not null,
    check (opens < closes),
    primary key (lab_id, weekday, opens)
);
