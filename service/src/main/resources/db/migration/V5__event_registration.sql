-- Registration of citizens for occurrences, without an account.
alter table event add column capacity integer check (capacity between 1 and 100000);
alter table event add column max_seats_per_registration integer not null default 4
    check (max_seats_per_registration between 1 and 20);
alter table event add column registration_opens_days_before integer check (registration_opens_days_before between 0 and 730);
alter table event add column registration_closes_minutes_before integer not null default 0
    check (registration_closes_minutes_before between 0 and 43200);

-- Personal data (name, e-mail) is erased some days after the occurrence; the rest stays for
-- statistics. The secret that cancels a registration is stored only as a hash.
create table registration (
    id                   uuid primary key,
    event_id             uuid         not null references event (id) on delete cascade,
    occurrence           timestamp    not null,
    occurrence_ends_at   timestamptz  not null,
    name                 varchar(200),
    email                varchar(254),
    seats                integer      not null check (seats between 1 and 20),
    status               varchar(12)  not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
    cancel_token_hash    varchar(64)  not null,
    consent_at           timestamptz  not null,
    created_at           timestamptz  not null default now(),
    promoted_at          timestamptz,
    cancelled_at         timestamptz,
    erased_at            timestamptz,
    check (erased_at is not null or (name is not null and email is not null))
);
-- One active registration per e-mail address and occurrence.
create unique index registration_one_per_email on registration (event_id, occurrence, lower(email))
    where status in ('confirmed', 'waitlisted');
create index registration_occurrence_idx on registration (event_id, occurrence, status, created_at);
create index registration_retention_idx on registration (occurrence_ends_at) where erased_at is null;
