-- Rate limits: requests per caller and fixed window, shared by all replicas. Unlogged: counts
-- need no crash safety, and a lost window only resets an allowance.
create unlogged table rate_limit_window (
    bucket        varchar(600) not null,
    window_start  timestamptz  not null,
    hits          integer      not null,
    primary key (bucket, window_start)
);

-- Organisers cancel registrations too, and mark those that are spam.
alter table registration add column cancelled_by varchar(12)
    check (cancelled_by in ('registrant', 'organiser'));
alter table registration add column spam boolean not null default false;
update registration set cancelled_by = 'registrant' where status = 'cancelled';

-- Private feeds end: on a date, and as soon as the municipality no longer trusts the
-- provider of the person who created them.
alter table feed_token add column creator_issuer varchar(500);
alter table feed_token add column expires_at timestamptz;
update feed_token set expires_at = created_at + interval '90 days';
alter table feed_token alter column expires_at set not null;
