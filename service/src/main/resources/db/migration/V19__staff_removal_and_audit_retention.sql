-- Issue 14: the team directory keeps a person's e-mail address from their tokens, and a lab
-- admin removes a person who left: their name and address go, the row stays (tasks keep their
-- history and show "former staff"). Seen again in a token, the person is staff again.
alter table staff_member add column email varchar(254);
alter table staff_member add column removed_at timestamptz;
alter table staff_member alter column name drop not null;

-- Audit entries name the person who acted (from the token) until they are pseudonymised after a
-- configured period: then only subject and issuer remain, which only the identity provider can
-- resolve. The whole entry is deleted after the audit log's own retention period.
alter table audit_event add column actor_name varchar(200);
alter table audit_event add column actor_email varchar(254);
alter table audit_event add column pseudonymised_at timestamptz;
-- Their indexes are built in V20, concurrently.
