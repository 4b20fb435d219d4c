-- Issue 11, at the size of a grown network (20,000 items, 1,000,000 reservations):
--
-- What anonymous callers see, in list order: the ids of a page and the total of public items and
-- public projects come from these indexes alone (the count of public items read the whole item
-- table, 17 ms).
create index item_public_name_idx on item (name, id) where public;
create index project_public_title_idx on project (title, id) where visibility = 'public';

-- The periods of the reservations that block an item, for the search of free items: counting the
-- free items of a category probed the exclusion index by period alone, which reads most of it
-- (114 ms); with this index, 8 ms. The statuses are those of ReservationStatus.BLOCKING, as in
-- reservation_no_overlap.
create index reservation_blocking_period_idx on reservation using gist (tstzrange(starts_at, ends_at, '[)'))
    where status in ('requested', 'approved', 'handed-over', 'scheduled');

-- The window of occurrences that members see (public and network events): its total is counted
-- from the index alone when the index carries the end as well (20 ms for the 58,000 occurrences of
-- 90 days, read from the table; 6–8 ms from the index).
create index event_occurrence_window_idx on event_occurrence (starts_at, event_id) include (ends_at);
drop index event_occurrence_start_idx;
-- The few occurrences longer than a day carry their end as well, or the planner prefers reading a
-- year of the covering index above to find them (20 ms instead of 0.02 ms).
drop index event_occurrence_long_idx;
create index event_occurrence_long_idx on event_occurrence (starts_at, event_id) include (ends_at)
    where ends_at - starts_at > interval '1 day';
