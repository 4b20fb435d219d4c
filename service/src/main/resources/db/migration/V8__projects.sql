-- People of member municipalities, as the service has seen them in their tokens: the staff that
-- project tasks can be assigned to.
create table staff_member (
    id               uuid primary key,
    issuer           varchar(500) not null,
    subject          varchar(300) not null,
    municipality_id  uuid         not null references municipality (id) on delete cascade,
    name             varchar(200) not null,
    last_seen_at     timestamptz  not null default now(),
    unique (issuer, subject)
);

-- Projects of the labs (the shared project-management tool).
create table project (
    id             uuid primary key,
    lead_lab_id    uuid          not null references lab (id),
    title          varchar(200)  collate "de-x-icu" not null,
    summary        varchar(1000) not null default '',
    description    text          not null default '',
    topics         text[]        not null default '{}',
    starts_on      date,
    ends_on        date,
    visibility     varchar(10)   not null check (visibility in ('public', 'network')),
    status         varchar(10)   not null check (status in ('idea', 'planned', 'active', 'paused', 'completed', 'cancelled')),
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    version        bigint        not null default 0,
    search_vector  tsvector generated always as (
        setweight(to_tsvector('german', title), 'A')
        || setweight(to_tsvector('german', summary || ' ' || text_array_to_string(topics)), 'B')
        || setweight(to_tsvector('german', description), 'C')
    ) stored,
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index project_search_idx on project using gin (search_vector);

create table project_partner (
    project_id    uuid        not null references project (id) on delete cascade,
    lab_id        uuid        not null references lab (id),
    status        varchar(10) not null check (status in ('invited', 'accepted', 'declined')),
    invited_at    timestamptz not null default now(),
    responded_at  timestamptz,
    primary key (project_id, lab_id)
);

create table project_link (
    project_id  uuid          not null references project (id) on delete cascade,
    position    integer       not null,
    label       varchar(200)  not null,
    url         varchar(1000) not null check (url ~ '^https?://'),
    primary key (project_id, position)
);

create table milestone (
    id          uuid primary key,
    project_id  uuid         not null references project (id) on delete cascade,
    title       varchar(200) not null,
    due_on      date,
    done        boolean      not null default false,
    created_at  timestamptz  not null default now()
);

create table task (
    id           uuid primary key,
    project_id   uuid         not null references project (id) on delete cascade,
    title        varchar(200) not null,
    description  text         not null default '',
    lab_id       uuid         not null references lab (id),
    status       varchar(10)  not null check (status in ('todo', 'doing', 'done')),
    assignee_id  uuid         references staff_member (id),
    due_on       date,
    position     integer      not null default 0,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);
create index task_project_idx on task (project_id, status, position);

alter table event add column project_id uuid references project (id) on delete set null;
