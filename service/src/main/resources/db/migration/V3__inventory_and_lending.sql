-- Shared equipment inventory and lending between labs.
create extension if not exists btree_gist;

-- Suggested categories; items may also name categories of their own.
create table equipment_category (
    slug     varchar(60)  primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_de  varchar(100) not null,
    name_en  varchar(100) not null
);

insert into equipment_category (slug, name_de, name_en) values
    ('3d-printer', '3D-Drucker', '3D printer'),
    ('3d-scanner', '3D-Scanner', '3D scanner'),
    ('laser-cutter', 'Lasercutter', 'Laser cutter'),
    ('vr-headset', 'VR-Brille', 'VR headset'),
    ('sensor-kit', 'Sensor-Kit', 'Sensor kit'),
    ('laptop', 'Laptop', 'Laptop'),
    ('tablet', 'Tablet', 'Tablet'),
    ('projector', 'Beamer', 'Projector'),
    ('camera', 'Kamera', 'Camera'),
    ('microphone', 'Mikrofon', 'Microphone'),
    ('robotics-kit', 'Robotik-Bausatz', 'Robotics kit'),
    ('drone', 'Drohne', 'Drone'),
    ('microcontroller-kit', 'Mikrocontroller-Set', 'Microcontroller kit'),
    ('presentation-screen', 'Präsentationsbildschirm', 'Presentation screen');

create table item (
    id                  uuid primary key,
    lab_id              uuid          not null references lab (id),
    name                varchar(200)  collate "de-x-icu" not null,
    description         text          not null default '',
    category            varchar(60)   not null check (category ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    inventory_number    varchar(60)   not null,
    condition           varchar(10)   not null check (condition in ('new', 'good', 'fair', 'poor')),
    accessories         text[]        not null default '{}',
    replacement_value   numeric(12, 2) check (replacement_value >= 0),
    currency            char(3)       not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
    photos              text[]        not null default '{}',
    sharing             varchar(10)   not null check (sharing in ('lab', 'network')),
    public              boolean       not null default false,
    status              varchar(12)   not null check (status in ('available', 'maintenance', 'retired')),
    max_loan_days       integer       not null check (max_loan_days between 1 and 365),
    min_notice_hours    integer       not null default 0 check (min_notice_hours between 0 and 8760),
    deposit             numeric(10, 2) check (deposit >= 0),
    briefing_required   boolean       not null default false,
    pickup_notes        text,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    version             bigint        not null default 0,
    search_vector       tsvector generated always as (
        setweight(to_tsvector('german', name), 'A')
        || setweight(to_tsvector('german', category), 'B')
        || setweight(to_tsvector('german', description), 'C')
    ) stored,
    unique (lab_id, inventory_number)
);
create index item_lab_idx on item (lab_id);
create index item_category_idx on item (category);
create index item_search_idx on item using gin (search_vector);

-- Loans and maintenance periods of an item. Periods are half-open [starts_at, ends_at): a
-- loan ending at 12:00 and one starting at 12:00 do not overlap. The database guarantees that
-- the blocking ones never overlap, whatever number of replicas write at once.
create table reservation (
    id                         uuid primary key,
    item_id                    uuid          not null references item (id),
    kind                       varchar(12)   not null check (kind in ('loan', 'maintenance')),
    starts_at                  timestamptz   not null,
    ends_at                    timestamptz   not null,
    status                     varchar(12)   not null check (status in ('requested', 'approved', 'rejected',
                                   'handed-over', 'returned', 'cancelled', 'expired', 'scheduled')),
    borrower_municipality_id   uuid          references municipality (id),
    borrower_lab_id            uuid          references lab (id),
    requested_by               varchar(300)  not null,
    purpose                    text          not null,
    decision_due_at            timestamptz,
    decided_at                 timestamptz,
    decided_by                 varchar(300),
    decision_reason            text,
    handed_over_at             timestamptz,
    returned_at                timestamptz,
    return_condition           varchar(10)   check (return_condition in ('new', 'good', 'fair', 'poor')),
    damage_report              text,
    cancelled_at               timestamptz,
    cancelled_by               varchar(300),
    cancel_reason              text,
    overdue                    boolean       not null default false,
    created_at                 timestamptz   not null default now(),
    updated_at                 timestamptz   not null default now(),
    version                    bigint        not null default 0,
    check (ends_at > starts_at),
    check ((kind = 'loan') = (borrower_lab_id is not null)),
    constraint reservation_no_overlap exclude using gist (
        item_id with =,
        tstzrange(starts_at, ends_at, '[)') with &&
    ) where (status in ('requested', 'approved', 'handed-over', 'scheduled'))
);
create index reservation_borrower_idx on reservation (borrower_municipality_id, starts_at);
create index reservation_item_period_idx on reservation using gist (item_id, tstzrange(starts_at, ends_at, '[)'));
create index reservation_due_idx on reservation (status, decision_due_at);

-- Scheduled jobs (expiring requests, flagging overdue loans) are audited as the system.
alter table audit_event drop constraint audit_event_actor_type_check;
alter table audit_event add constraint audit_event_actor_type_check check (actor_type in ('user', 'api-key', 'system'));
