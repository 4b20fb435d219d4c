-- Every occurrence of every event, in UTC, kept in step with the event in the transaction that
-- changes it, so that a window of the calendar is one indexed range query instead of expanding
-- every series. A series has at most 1,000 occurrences, so the table is bounded by the events.
create table event_occurrence (
    event_id        uuid        not null references event (id) on delete cascade,
    original_start  timestamp   not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    cancelled       boolean     not null,
    moved           boolean     not null,
    primary key (event_id, original_start),
    check (ends_at > starts_at)
);
create index event_occurrence_start_idx on event_occurrence (starts_at, event_id);

-- When an event's last occurrence ends: feeds leave out what ended long ago.
alter table event add column last_ends_at timestamptz;

-- Events written by SQL (migrations, demo data) are indexed by the service when it starts.
alter table event add column occurrences_indexed boolean not null default false;
create index event_unindexed_idx on event (id) where not occurrences_indexed;
