-- The generated network of issue 11, added to a database that holds the schema and the demo data:
-- 100 municipalities with 1,000 labs, 20,000 items, 1,000,000 reservations, 10,000 events (2,000 of
-- them weekly or daily series, about 200,000 occurrences a year), 2,000,000 registrations and
-- 3,000 projects. Everything is computed in SQL from row numbers (generate_series): about a minute
-- and a half on two busy cores, and the same rows every time (only the dates follow today).
--
-- Ids are md5 hashes of a kind and a number, so that later statements find a row's id without a
-- join: lab n is md5('bench-lab-' || n)::uuid, and so on. Attributes that later statements need
-- (an item's lab, an event's rule) are likewise functions of the row number.
--
-- Every constraint of the schema holds: reservations of one item never overlap (each item has 50
-- slots of 32 days, each booking inside its slot), series have valid RFC 5545 rules that start on
-- one of their days, registrations name real occurrences and one e-mail address once, personal data
-- of occurrences that ended over 30 days ago is erased, and nothing is left for the service's jobs to
-- do at once (no overdue loans, no requests past their decision date).
--
-- bench/run loads it with: psql -v ON_ERROR_STOP=1 -d big -f bench/data/big.sql

set client_min_messages = warning;
set maintenance_work_mem = '256MB';
set work_mem = '64MB';

-- pick(values, n): one of the values, chosen by a number (any integer).
create function pg_temp.pick(text[], bigint) returns text
    language sql immutable as $$ select $1[1 + ($2 % array_length($1, 1) + array_length($1, 1)) % array_length($1, 1)] $$;

-- Bulk loading: the big tables get their indexes, unique, exclusion and foreign-key constraints back
-- after their rows are in (built once instead of row by row, and checked all the same). Their
-- definitions are read from the catalogue, so that they are exactly the migrations' own.
create temp table dropped (tbl regclass, position int, statement text);

create function pg_temp.drop_indexes(t regclass) returns void language plpgsql as $$
declare r record;
begin
    for r in select conname, contype, pg_get_constraintdef(oid) as def from pg_constraint
             where conrelid = t and contype in ('p', 'u', 'x', 'f') loop
        insert into dropped values (t, case when r.contype = 'f' then 2 else 1 end,
                                    format('alter table %s add constraint %I %s', t, r.conname, r.def));
        execute format('alter table %s drop constraint %I', t, r.conname);
    end loop;
    for r in select indexrelid::regclass as idx, pg_get_indexdef(indexrelid) as def from pg_index where indrelid = t loop
        insert into dropped values (t, 1, r.def);
        execute format('drop index %s', r.idx);
    end loop;
end $$;

create function pg_temp.restore_indexes(t regclass) returns void language plpgsql as $$
declare r record;
begin
    for r in select statement from dropped where tbl = t order by position loop
        execute r.statement;
    end loop;
    delete from dropped where tbl = t;
end $$;

\echo '  municipalities and labs'
create temp table town as
select n as m,
       md5('bench-municipality-' || n)::uuid as id,
       pg_temp.pick(array['Alt', 'Neu', 'Ober', 'Unter', 'Groß', 'Klein', 'Hohen', 'Nieder', 'Mittel', 'Wester'], (n - 1) / 10)
           || pg_temp.pick(array['feld', 'bach', 'hausen', 'dorf', 'heim', 'berg', 'stadt', 'burg', 'au', 'rode'], n - 1) as name,
       pg_temp.pick(array['alt', 'neu', 'ober', 'unter', 'gross', 'klein', 'hohen', 'nieder', 'mittel', 'wester'], (n - 1) / 10)
           || pg_temp.pick(array['feld', 'bach', 'hausen', 'dorf', 'heim', 'berg', 'stadt', 'burg', 'au', 'rode'], n - 1) as slug
from generate_series(1, 100) n;

insert into municipality (id, slug, name, state, website)
select id, slug, name,
       pg_temp.pick(array['Nordrhein-Westfalen', 'Niedersachsen', 'Hessen', 'Bayern', 'Baden-Württemberg', 'Sachsen',
                          'Thüringen', 'Rheinland-Pfalz', 'Schleswig-Holstein', 'Brandenburg'], m),
       'https://www.' || slug || '.example.org'
from town;

-- Lab n (1..1000) belongs to municipality (n - 1) / 10 + 1.
insert into lab (id, slug, municipality_id, name, description, street, postal_code, city, latitude, longitude, email,
                 phone, website, topics, step_free_access, hearing_loop, accessible_toilet, accessibility_notes,
                 opening_hours_notes)
select md5('bench-lab-' || n)::uuid,
       'labor-' || t.slug || '-' || k,
       t.id,
       pg_temp.pick(array['Stadtlabor', 'Zukunftswerkstatt', 'Makerspace', 'Digitallabor', 'Ideenwerkstatt',
                          'Bürgerlabor', 'Innovationslabor', 'Quartierslabor', 'Reallabor', 'Werkraum'], n * 7)
           || ' ' || t.name || ' ' || k,
       pg_temp.pick(array['Ein offener Ort für alle, die digitale Technik ausprobieren wollen.',
                          'Hier entwickeln Bürgerinnen und Bürger Ideen für ihr Quartier.',
                          'Workshops zu 3D-Druck, Programmieren und Elektronik für Kinder und Jugendliche.',
                          'Sprechstunden zu Smart-City-Projekten und digitalen Verwaltungsangeboten.',
                          'Umweltsensoren bauen und Klimadaten sichtbar machen.'], n)
           || ' ' || pg_temp.pick(array['Vereine und Initiativen finden hier Raum.',
                                        'Die Stadtverwaltung ist regelmäßig vor Ort.',
                                        'Schulen nutzen das Labor für Projektwochen.',
                                        'Ehrenamtliche betreuen die Werkstatt.'], n / 3),
       pg_temp.pick(array['Hauptstraße', 'Marktplatz', 'Bahnhofstraße', 'Kirchplatz', 'Schulstraße', 'Gartenweg',
                          'Lindenallee', 'Am Rathaus'], n) || ' ' || (1 + n % 97),
       lpad((10000 + (n * 37) % 89999)::text, 5, '0'),
       t.name,
       47.5 + (n * 7919 % 7000) / 1000.0,
       6.0 + (n * 104729 % 8500) / 1000.0,
       'labor' || k || '@' || t.slug || '.example.org',
       '+49 ' || (2000 + n % 7000) || ' 0' || (100 + n),
       'https://' || t.slug || '.example.org/labor-' || k,
       array[pg_temp.pick(array['Smart City', 'Digitale Bildung', 'Bürgerbeteiligung', 'Makerspace', 'Klima und Umwelt',
                                'Open Data', 'Mobilität', 'Nachhaltigkeit'], n),
             pg_temp.pick(array['3D-Druck', 'Sensorik', 'Quartiersentwicklung', 'Innenstadt', 'Robotik', 'Medien',
                                'Programmieren', 'Reparieren'], n * 3)],
       n % 10 < 7, n % 4 = 0, n % 10 < 6,
       case when n % 3 = 0 then 'Ebenerdiger Eingang; Behindertenparkplatz vor dem Haus.' end,
       case when n % 5 = 0 then 'In den Schulferien nach Vereinbarung.' end
from generate_series(1, 1000) n
join town t on t.m = (n - 1) / 10 + 1
cross join lateral (select (n - 1) % 10 + 1 as k) lab_number;

insert into lab_opening_hours (lab_id, weekday, opens, closes)
select md5('bench-lab-' || n)::uuid, d, time '10:00' + (n % 3) * interval '1 hour', time '17:00' + (n % 4) * interval '1 hour'
from generate_series(1, 1000) n, generate_series(1, 6) d
where (n + d) % 3 <> 0;

\echo '  items'
-- Item i (1..20000) belongs to lab (i - 1) / 20 + 1; its longest loan is max_days(i).
create function pg_temp.max_days(bigint) returns int
    language sql immutable as $$ select (array[1, 3, 7, 14, 21, 30])[1 + $1 % 6] $$;

insert into item (id, lab_id, name, description, category, inventory_number, condition, accessories, replacement_value,
                  photos, sharing, public, status, max_loan_days, min_notice_hours, deposit, briefing_required,
                  pickup_notes)
select md5('bench-item-' || i)::uuid,
       md5('bench-lab-' || ((i - 1) / 20 + 1))::uuid,
       c.name_de || ' ' || pg_temp.pick(array['Mini', 'Pro', 'Max', 'Plus', 'S', 'X', 'Neo', 'Air'], i / 14)
           || ' ' || (1 + i % 9),
       pg_temp.pick(array['Für Workshops und Projekte, mit Einweisung.', 'Leihgerät für Schulen und Vereine.',
                          'Robustes Gerät für den Einsatz draußen.', 'Für Veranstaltungen und Präsentationen.'], i),
       c.slug,
       'INV-' || lpad(((i - 1) % 20 + 1)::text, 4, '0'),
       pg_temp.pick(array['new', 'good', 'good', 'fair', 'poor'], i),
       array[pg_temp.pick(array['Ladekabel', 'Tasche', 'Netzteil', 'Anleitung'], i), 'Transportkiste'],
       50 + (i * 7919) % 5000,
       '{}',
       case when i % 5 < 3 then 'network' else 'lab' end,
       i % 4 < 2,
       case when i % 100 < 90 then 'available' when i % 100 < 97 then 'maintenance' else 'retired' end,
       pg_temp.max_days(i),
       (array[0, 24, 48, 72])[1 + i % 4],
       case when i % 3 = 0 then 50 + i % 200 end,
       i % 10 < 3,
       case when i % 7 = 0 then 'Abholung zu den Öffnungszeiten.' end
from generate_series(1, 20000) i
join (select slug, name_de, row_number() over (order by slug) - 1 as k from equipment_category) c on c.k = (i * 5) % 14;

\echo '  reservations (1,000,000)'
do $$ begin perform pg_temp.drop_indexes('reservation'); end $$;
-- Item i has 50 slots of 32 days from four years ago (the last ends about 130 days from now); booking
-- k of the item lies inside slot k, so that no two overlap. Its status follows from where it lies.
insert into reservation (id, item_id, kind, starts_at, ends_at, status, borrower_municipality_id, borrower_lab_id,
                         requested_by, purpose, decision_due_at, decided_at, decided_by, handed_over_at, returned_at,
                         return_condition, cancelled_at, cancelled_by, created_at, updated_at)
select md5('bench-reservation-' || i || '-' || k)::uuid,
       md5('bench-item-' || i)::uuid,
       kind, s, e,
       status,
       case when kind = 'loan' then md5('bench-municipality-' || ((b - 1) / 10 + 1))::uuid end,
       case when kind = 'loan' then md5('bench-lab-' || b)::uuid end,
       'staff-' || b,
       pg_temp.pick(array['Workshop in der Schule', 'Bürgerabend', 'Projektwoche', 'Messkampagne', 'Ferienprogramm'], i + k),
       case when status = 'requested' then now() + interval '2 days' end,
       case when status in ('approved', 'handed-over', 'returned', 'rejected') then s - interval '5 days' end,
       case when status in ('approved', 'handed-over', 'returned', 'rejected') then 'admin-' || ((i - 1) / 20 + 1) end,
       case when status in ('handed-over', 'returned') then s end,
       case when status = 'returned' then e end,
       case when status = 'returned' then pg_temp.pick(array['good', 'good', 'fair'], k) end,
       case when status = 'cancelled' then least(s, now()) - interval '1 day' end,
       case when status = 'cancelled' then 'staff-' || b end,
       least(s, now()) - interval '7 days',
       least(s, now()) - interval '1 day'
from (
    select i, k, kind, s, e, b,
           case when kind = 'maintenance' then 'scheduled'
                when e <= now() then (array['cancelled', 'rejected', 'expired', 'returned', 'returned', 'returned',
                                            'returned', 'returned', 'returned', 'returned'])[1 + (i + 3 * k) % 10]
                when s <= now() then 'handed-over'
                else (array['cancelled', 'requested', 'requested', 'approved', 'approved', 'approved', 'approved',
                            'approved', 'approved', 'approved'])[1 + (i + k) % 10] end as status
    from (
        select i, k,
               case when (i * 7 + k) % 20 = 0 then 'maintenance' else 'loan' end as kind,
               date_trunc('day', now()) - interval '1460 days' + k * interval '32 days' + ((i * 13 + k) % 10) * interval '1 day'
                   + interval '9 hours' as s,
               date_trunc('day', now()) - interval '1460 days' + k * interval '32 days' + ((i * 13 + k) % 10) * interval '1 day'
                   + interval '9 hours' + (1 + (i * 31 + k) % least(pg_temp.max_days(i), 14)) * interval '1 day' as e,
               -- the borrowing lab: any lab but the owner's
               ((i - 1) / 20 + (i * 17 + k * 31) % 999 + 1) % 1000 + 1 as b
        from generate_series(1, 20000) i, generate_series(0, 49) k
    ) periods
) booked;
do $$ begin perform pg_temp.restore_indexes('reservation'); end $$;

\echo '  events (10,000, 2,000 of them series)'
-- Events 1..2000 are series: 1..1000 weekly (started up to six years ago, open-ended), 1001..1300
-- every other week, 1301..1500 weekly with a count, 1501..1900 daily (open-ended, started up to 900
-- days ago: an open-ended series ends after 1,000 occurrences), 1901..1950 daily with a count,
-- 1951..2000 on workdays. Events 2001..10000 are single, from three years ago to a year ahead.
create temp table ev as
select e,
       md5('bench-event-' || e)::uuid as id,
       rule, step, max_k,
       (first_day + (9 + e % 11) * interval '1 hour' + (e % 4) * interval '15 minutes')::timestamp as starts_local,
       (60 + (e % 5) * 30) * interval '1 minute' as length
from (
    select e,
           case when e <= 1000 then 'FREQ=WEEKLY'
                when e <= 1300 then 'FREQ=WEEKLY;INTERVAL=2'
                when e <= 1500 then 'FREQ=WEEKLY;COUNT=' || (40 + e % 160)
                when e <= 1900 then 'FREQ=DAILY'
                when e <= 1950 then 'FREQ=DAILY;COUNT=' || (40 + e % 300)
                when e <= 2000 then 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR' end as rule,
           -- the distance between the occurrences that registrations use, and how many there are
           case when e <= 1000 then interval '7 days' when e <= 1300 then interval '14 days'
                when e <= 1500 then interval '7 days' when e <= 1950 then interval '1 day'
                when e <= 2000 then interval '7 days' end as step,
           case when e <= 1300 then 1000 when e <= 1500 then 40 + e % 160 when e <= 1900 then 1000
                when e <= 1950 then 40 + e % 300 when e <= 2000 then 200 end as max_k,
           case when e <= 1300 then today - ((e * 53) % 2190) * interval '1 day'
                when e <= 1500 then today - ((e * 53) % 1095) * interval '1 day'
                when e <= 1900 then today - ((e * 53) % 900) * interval '1 day'
                when e <= 1950 then today - ((e * 53) % 400) * interval '1 day'
                when e <= 2000 then weekday - ((e * 7) % 100) * interval '7 days'
                else today - interval '1095 days' + ((e * 37) % 1460) * interval '1 day' end as first_day
    from generate_series(1, 10000) e,
         lateral (select date_trunc('day', now() at time zone 'Europe/Berlin') as today) t,
         -- the Monday of this week, so that workday series start on a workday
         lateral (select date_trunc('week', now() at time zone 'Europe/Berlin') as weekday) w
) picked;

insert into event (id, lead_lab_id, title, description, category, topics, format, place_lab_id, place_address,
                   online_url, accessibility_notes, visibility, status, time_zone, starts_local, ends_local, rrule,
                   capacity, max_seats_per_registration, registration_opens_days_before)
select id,
       md5('bench-lab-' || ((e * 7919) % 1000 + 1))::uuid,
       pg_temp.pick(array['Offene Werkstatt', 'Sprechstunde', 'Einführung', 'Vortrag', 'Repair-Café', 'Coding-Club',
                          'Bürgerdialog', 'Ausstellung', 'Netzwerktreffen', 'Workshop'], e)
           || ': ' || pg_temp.pick(array['3D-Druck', 'Smart City', 'Klimasensoren', 'Open Data', 'Robotik', 'Lasercutter',
                                         'Mobilität', 'Podcasts', 'VR', 'Mikrocontroller', 'Quartier', 'Nachhaltigkeit'], e / 10),
       pg_temp.pick(array['Ohne Vorkenntnisse, alle sind willkommen.', 'Wir zeigen Beispiele und probieren gemeinsam aus.',
                          'Mit anschließender Diskussion.', 'Bitte eigene Geräte mitbringen.'], e),
       pg_temp.pick(array['workshop', 'sprechstunde', 'vortrag', 'repair-cafe', 'coding-club', 'buergerdialog',
                          'ausstellung', 'netzwerktreffen'], e),
       array[pg_temp.pick(array['Smart City', 'Digitale Bildung', 'Makerspace', 'Klima und Umwelt', 'Open Data',
                                'Mobilität'], e),
             pg_temp.pick(array['3D-Druck', 'Sensorik', 'Robotik', 'Medien', 'Programmieren', 'Reparieren'], e / 6)],
       case e % 5 when 3 then 'online' when 4 then 'hybrid' else 'in-person' end,
       case when e % 5 <> 3 then md5('bench-lab-' || ((e * 7919) % 1000 + 1))::uuid end,
       null,
       case when e % 5 in (3, 4) then 'https://meet.example.org/event-' || e end,
       case when e % 6 = 0 then 'Stufenloser Zugang.' end,
       case when e % 2 = 0 then 'public' else 'network' end,
       case when e % 25 = 0 then 'cancelled' else 'scheduled' end,
       'Europe/Berlin',
       starts_local,
       starts_local + length,
       rule,
       case when e % 10 < 7 then (case when rule is null then 100 + e % 300 else 20 + e % 40 end) end,
       4,
       case when e % 7 = 0 then 60 end
from ev;

insert into event_organiser (event_id, lab_id, status, invited_at, responded_at)
select id, md5('bench-lab-' || (((e * 7919) % 1000 + 1 + 1 + e % 998) % 1000 + 1))::uuid,
       case when e % 15 = 0 then 'invited' else 'accepted' end, now() - interval '60 days',
       case when e % 15 <> 0 then now() - interval '50 days' end
from ev where e % 5 = 0;

-- Some occurrences of the weekly series two weeks ahead are cancelled or moved by an hour.
insert into occurrence_override (event_id, original_start, cancelled, starts_local, ends_local)
select id, original, e % 20 = 0,
       case when e % 20 <> 0 then original + interval '1 hour' end,
       case when e % 20 <> 0 then original + interval '1 hour' + length end
from ev
cross join lateral (select starts_local + (floor(extract(epoch from (now() at time zone 'Europe/Berlin') - starts_local)
                                                  / 604800) + 2) * interval '7 days' as original) o
where e <= 1000 and e % 10 = 0;

\echo '  registrations (2,000,000)'
do $$ begin perform pg_temp.drop_indexes('registration'); end $$;
-- 600,000 for the single events with a capacity, 1,400,000 for the series with one, spread over 40
-- occurrences of each series around today (20 before, 20 after, within the series).
create temp table reg_target as
select row_number() over (order by e) - 1 as q, e, id, starts_local, length, rule is not null as series, step, max_k,
       case when rule is null then 0
            else greatest(0, least(max_k - 40, floor(extract(epoch from (now() at time zone 'Europe/Berlin') - starts_local)
                                                     / extract(epoch from step))::int - 20)) end as first_k
from ev
where e % 10 < 7;

create temp table reg_count as
select count(*) filter (where not series) as singles, count(*) filter (where series) as series from reg_target;

create temp table single_target as select row_number() over (order by q) - 1 as q, id, starts_local, length
from reg_target where not series;
create temp table series_target as select row_number() over (order by q) - 1 as q, id, starts_local, length, step, first_k
from reg_target where series;
create index on single_target (q);
create index on series_target (q);

insert into registration (id, event_id, occurrence, occurrence_ends_at, name, email, seats, status, cancel_token_hash,
                          consent_at, created_at, cancelled_at, erased_at, cancelled_by)
select md5('bench-registration-' || r)::uuid, id, occurrence, ends_at,
       case when not erased then pg_temp.pick(array['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannes'], r)
                                 || ' ' || pg_temp.pick(array['Becker', 'Schulz', 'Wagner', 'Yilmaz', 'Hoffmann', 'Koch'], r / 8) end,
       case when not erased then 'teilnehmer' || r || '@example.org' end,
       1 + (r % 7 = 0)::int,
       case when r % 50 = 0 then 'waitlisted' when r % 50 < 4 then 'cancelled' else 'confirmed' end,
       md5('token-' || r) || md5('token2-' || r),
       created, created,
       case when r % 50 between 1 and 3 then created + interval '1 day' end,
       case when erased then ends_at + interval '30 days' end,
       case when r % 50 between 1 and 3 then 'registrant' end
from (
    select r, t.id, occurrence, (occurrence + t.length) at time zone 'Europe/Berlin' as ends_at,
           (occurrence at time zone 'Europe/Berlin') - (2 + r % 20) * interval '1 day' as created,
           (occurrence + t.length) at time zone 'Europe/Berlin' < now() - interval '30 days' as erased
    from (
        select r, s.id, s.starts_local as occurrence, s.length
        from generate_series(0, 599999) r
        join single_target s on s.q = r % (select singles from reg_count)
        union all
        select r, s.id, s.starts_local + (s.first_k + (r / (select series from reg_count)) % 40) * s.step, s.length
        from generate_series(600000, 1999999) r
        join series_target s on s.q = r % (select series from reg_count)
    ) t
) rows;
do $$ begin perform pg_temp.restore_indexes('registration'); end $$;

\echo '  projects'
insert into project (id, lead_lab_id, title, summary, description, topics, starts_on, ends_on, visibility, status)
select md5('bench-project-' || p)::uuid,
       md5('bench-lab-' || (p % 1000 + 1))::uuid,
       pg_temp.pick(array['Offene Daten', 'Klimasensoren', 'Digitale Sprechstunde', 'Makerspace für Schulen',
                          'Mobilität im Quartier', 'Repair-Netzwerk', 'VR-Stadtplanung'], p) || ' ' || p,
       pg_temp.pick(array['Gemeinsames Projekt mehrerer Labore.', 'Pilot in einem Quartier.',
                          'Mit Schulen und Vereinen.'], p),
       'Ziele, Zeitplan und Beteiligte des Projekts.',
       array[pg_temp.pick(array['Open Data', 'Smart City', 'Klima und Umwelt', 'Digitale Bildung'], p)],
       current_date - (p % 700), case when p % 3 = 0 then current_date + (p % 400) end,
       case when p % 2 = 0 then 'public' else 'network' end,
       pg_temp.pick(array['idea', 'planned', 'active', 'active', 'paused', 'completed', 'cancelled'], p)
from generate_series(1, 3000) p;

insert into project_partner (project_id, lab_id, status, responded_at)
select md5('bench-project-' || p)::uuid, md5('bench-lab-' || ((p + 1 + p % 998) % 1000 + 1))::uuid,
       case when p % 4 = 0 then 'invited' else 'accepted' end, case when p % 4 <> 0 then now() end
from generate_series(1, 3000) p;

\echo '  vacuum analyze'
vacuum analyze;
