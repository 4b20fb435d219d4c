-- Issue 12: a completed or cancelled project can be archived; then it changes no more.
alter table project drop constraint project_status_check;
alter table project add constraint project_status_check
    check (status in ('idea', 'planned', 'active', 'paused', 'completed', 'cancelled', 'archived'));
