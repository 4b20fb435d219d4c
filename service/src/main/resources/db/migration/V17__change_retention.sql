-- Issue 12: changes are kept for a configured period (90 days by default); this row says up to
-- which position they were pruned, so that a reader whose cursor lies before it learns that it
-- missed changes (410) instead of silently skipping them.
create table change_retention (
    id              smallint primary key check (id = 1),
    pruned_through  bigint   not null
);
insert into change_retention (id, pruned_through) values (1, 0);

create index change_event_occurred_idx on change_event (occurred_at);

-- The last position given; positions are never given twice, even when the newest changes were
-- pruned (max(position) would then fall back).
create table change_sequence (
    id             smallint primary key check (id = 1),
    last_position  bigint   not null
);
insert into change_sequence (id, last_position) select 1, coalesce(max(position), 0) from change_event;
