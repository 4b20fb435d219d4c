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
-- The few occurrences longer than a day, which a window may catch after they started.
create index event_occurrence_long_idx on event_occurrence (starts_at, event_id) where ends_at - starts_at > interval '1 day';

-- When an event's last occurrence ends: feeds leave out what ended long ago.
alter table event add column last_ends_at timestamptz;

-- Events written by SQL (migrations, demo data) are indexed by the service when it starts.
alter table event add column occurrences_indexed boolean not null default false;
create index event_unindexed_idx on event (id) where not occurrences_indexed;

-- A change of when an event takes place that does not come through the service (SQL by hand)
-- marks it for indexing again; the service's own writes index it in the same transaction.
create function event_occurrences_changed() returns trigger language plpgsql as $$
begin
    if (new.starts_local, new.ends_local, new.rrule, new.exdates, new.time_zone, new.status)
            is distinct from (old.starts_local, old.ends_local, old.rrule, old.exdates, old.time_zone, old.status) then
        new.occurrences_indexed := false;
    end if;
    return new;
end $$;
create trigger event_occurrences_changed before update on event
    for each row execute function event_occurrences_changed();

create function occurrence_override_changed() returns trigger language plpgsql as $$
begin
    update event set occurrences_indexed = false
     where id = (case when tg_op = 'DELETE' then old.event_id else new.event_id end) and occurrences_indexed;
    return null;
end $$;
create trigger occurrence_override_changed after insert or update or delete on occurrence_override
    for each row execute function occurrence_override_changed();
