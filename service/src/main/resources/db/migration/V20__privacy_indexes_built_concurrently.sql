-- Issue 14: indexes on big tables that are written while a rolling update migrates, built
-- without blocking those writes (each statement on its own, outside a transaction; Flyway runs a
-- script of only such statements that way, see common/persistence/MigrationLocking).
-- Every registration of one address, across events and municipalities (exports and erasures).
create index concurrently if not exists registration_email_idx on registration (lower(email)) where email is not null;
-- The audit log's retention job: entries to delete, entries still naming a person.
create index concurrently if not exists audit_event_occurred_idx on audit_event (occurred_at);
create index concurrently if not exists audit_event_to_pseudonymise_idx on audit_event (occurred_at)
    where actor_name is not null or actor_email is not null;
