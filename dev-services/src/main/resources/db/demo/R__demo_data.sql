-- Demo data for `quarkus:dev` and the tests: the four founding municipalities and their labs.
-- Contacts are fictitious (example.org; subscriber numbers starting with 0 do not exist in
-- Germany). Idempotent: Flyway re-runs this script whenever it changes.

insert into municipality (id, slug, name, state, website) values
    ('0a000000-0000-4000-8000-000000000001', 'arnsberg', 'Arnsberg', 'Nordrhein-Westfalen', 'https://www.arnsberg.de'),
    ('0a000000-0000-4000-8000-000000000002', 'iserlohn', 'Iserlohn', 'Nordrhein-Westfalen', 'https://www.iserlohn.de'),
    ('0a000000-0000-4000-8000-000000000003', 'menden', 'Menden (Sauerland)', 'Nordrhein-Westfalen', 'https://www.menden.de'),
    ('0a000000-0000-4000-8000-000000000004', 'soest', 'Soest', 'Nordrhein-Westfalen', 'https://www.soest.de')
on conflict (id) do update set
    slug = excluded.slug, name = excluded.name, state = excluded.state, website = excluded.website,
    updated_at = now();

insert into lab (id, slug, municipality_id, name, description, street, postal_code, city, latitude, longitude,
                 email, phone, website, topics, step_free_access, hearing_loop, accessible_toilet,
                 accessibility_notes, opening_hours_notes) values
    ('1b000000-0000-4000-8000-000000000001', 'freiraum-arnsberg', '0a000000-0000-4000-8000-000000000001',
     'freiRAUM Arnsberg',
     'Der freiRAUM ist das Stadtlabor der Stadt Arnsberg: ein offener Ort, an dem Bürgerinnen und Bürger '
     || 'digitale Technik ausprobieren, Ideen für ihr Quartier entwickeln und mit der Verwaltung ins Gespräch '
     || 'kommen. Es gibt regelmäßige Sprechstunden zu Smart-City-Projekten, Workshops zu 3D-Druck und '
     || 'Programmieren für Kinder und Jugendliche sowie Raum für Initiativen und Vereine.',
     'Hauptstraße 20', '59755', 'Arnsberg', 51.4497, 7.9636,
     'freiraum@arnsberg.example.org', '+49 2932 0100', 'https://arnsberg.example.org/freiraum',
     array['Smart City', 'Digitale Bildung', 'Bürgerbeteiligung', 'Quartiersentwicklung'],
     true, false, true,
     'Ebenerdiger Eingang von der Hauptstraße; Behindertenparkplatz vor dem Haus.',
     'In den Schulferien nach Vereinbarung.'),
    ('1b000000-0000-4000-8000-000000000002', 'waldstadtlabor-iserlohn', '0a000000-0000-4000-8000-000000000002',
     'Waldstadtlabor Iserlohn',
     'Das Waldstadtlabor verbindet die Waldstadt Iserlohn mit den Fragen der Stadt von morgen. Hier werden '
     || 'Umweltsensoren gebaut, Klimadaten sichtbar gemacht und Ideen für mehr Grün in der Innenstadt '
     || 'gemeinsam mit Schulen, Vereinen und der Stadtverwaltung erprobt.',
     'Theodor-Heuss-Ring 12', '58636', 'Iserlohn', 51.3759, 7.6961,
     'waldstadtlabor@iserlohn.example.org', '+49 2371 0200', 'https://iserlohn.example.org/waldstadtlabor',
     array['Smart City', 'Klima und Umwelt', 'Sensorik', 'Nachhaltigkeit'],
     true, true, true,
     'Induktive Höranlage im Veranstaltungsraum; Aufzug zum Obergeschoss.',
     'Samstags nur bei angekündigten Veranstaltungen geöffnet.'),
    ('1b000000-0000-4000-8000-000000000003', 'zukunftswerkstadt-menden', '0a000000-0000-4000-8000-000000000003',
     'Zukunfts.Werk.Stadt Menden',
     'Die Zukunfts.Werk.Stadt ist die Werkstatt für die digitale Zukunft Mendens. Bürgerinnen und Bürger '
     || 'können hier an Maker-Abenden mit 3D-Druckern und Lasercuttern arbeiten, sich zu digitalen '
     || 'Verwaltungsangeboten beraten lassen und eigene Projekte für die Innenstadt voranbringen.',
     'Hauptstraße 40', '58706', 'Menden (Sauerland)', 51.4433, 7.7990,
     'zukunftswerkstadt@menden.example.org', '+49 2373 0300', 'https://menden.example.org/zukunftswerkstadt',
     array['Digitalisierung', 'Makerspace', '3D-Druck', 'Innenstadt'],
     false, false, false,
     'Eine Stufe am Eingang (12 cm); eine mobile Rampe ist auf Nachfrage verfügbar.',
     'Maker-Abend jeden Donnerstag bis 21 Uhr.'),
    ('1b000000-0000-4000-8000-000000000004', 'stadtlabor-soest', '0a000000-0000-4000-8000-000000000004',
     'stadtLABOR Soest',
     'Im stadtLABOR Soest wird die Smart City zum Anfassen: Ausstellungen zu Mobilität und offenen Daten, '
     || 'Beteiligungswerkstätten zur Stadtentwicklung und Veranstaltungen, bei denen die Menschen in Soest '
     || 'mitentscheiden, wie die Digitalisierung ihrer Stadt aussehen soll.',
     'Markt 10', '59494', 'Soest', 51.5716, 8.1060,
     'stadtlabor@soest.example.org', '+49 2921 0400', 'https://soest.example.org/stadtlabor',
     array['Smart City', 'Mobilität', 'Open Data', 'Bürgerbeteiligung'],
     true, true, true,
     'Stufenloser Zugang über den Seiteneingang; Leihrollstuhl vorhanden.',
     null)
on conflict (id) do update set
    slug = excluded.slug, municipality_id = excluded.municipality_id, name = excluded.name,
    description = excluded.description, street = excluded.street, postal_code = excluded.postal_code,
    city = excluded.city, latitude = excluded.latitude, longitude = excluded.longitude, email = excluded.email,
    phone = excluded.phone, website = excluded.website, topics = excluded.topics,
    step_free_access = excluded.step_free_access, hearing_loop = excluded.hearing_loop,
    accessible_toilet = excluded.accessible_toilet, accessibility_notes = excluded.accessibility_notes,
    opening_hours_notes = excluded.opening_hours_notes, updated_at = now();

delete from lab_opening_hours where lab_id in (
    '1b000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000002',
    '1b000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000004');

insert into lab_opening_hours (lab_id, weekday, opens, closes) values
    ('1b000000-0000-4000-8000-000000000001', 2, '10:00', '17:00'),
    ('1b000000-0000-4000-8000-000000000001', 3, '10:00', '17:00'),
    ('1b000000-0000-4000-8000-000000000001', 4, '14:00', '19:00'),
    ('1b000000-0000-4000-8000-000000000001', 5, '10:00', '14:00'),
    ('1b000000-0000-4000-8000-000000000002', 1, '09:00', '13:00'),
    ('1b000000-0000-4000-8000-000000000002', 3, '13:00', '18:00'),
    ('1b000000-0000-4000-8000-000000000002', 5, '09:00', '13:00'),
    ('1b000000-0000-4000-8000-000000000002', 6, '10:00', '14:00'),
    ('1b000000-0000-4000-8000-000000000003', 2, '15:00', '18:00'),
    ('1b000000-0000-4000-8000-000000000003', 4, '15:00', '21:00'),
    ('1b000000-0000-4000-8000-000000000003', 6, '10:00', '13:00'),
    ('1b000000-0000-4000-8000-000000000004', 2, '10:00', '13:00'),
    ('1b000000-0000-4000-8000-000000000004', 2, '14:00', '18:00'),
    ('1b000000-0000-4000-8000-000000000004', 3, '10:00', '18:00'),
    ('1b000000-0000-4000-8000-000000000004', 4, '10:00', '18:00'),
    ('1b000000-0000-4000-8000-000000000004', 5, '10:00', '16:00');

-- Each municipality trusts its realm of the development identity provider (deploy/keycloak);
-- ${devIdpUrl} is where dev mode and the tests run it.
insert into identity_provider (id, municipality_id, issuer, audience) values
    ('2c000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', '${devIdpUrl}/realms/stadtlabore-arnsberg', 'stadtlabore-api'),
    ('2c000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000002', '${devIdpUrl}/realms/stadtlabore-iserlohn', 'stadtlabore-api'),
    ('2c000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000003', '${devIdpUrl}/realms/stadtlabore-menden', 'stadtlabore-api'),
    ('2c000000-0000-4000-8000-000000000004', '0a000000-0000-4000-8000-000000000004', '${devIdpUrl}/realms/stadtlabore-soest', 'stadtlabore-api')
on conflict (id) do update set
    issuer = excluded.issuer, audience = excluded.audience, auth_server_url = null,
    municipality_claim = null, roles_claim = 'realm_access/roles', updated_at = now();

-- A realistic shared inventory for the four labs, and a few loans between them.
insert into item (id, lab_id, name, description, category, inventory_number, condition, accessories,
                  replacement_value, photos, sharing, public, status, max_loan_days, min_notice_hours, deposit,
                  briefing_required, pickup_notes) values
    ('3d000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000001', 'Prusa MK4',
     '3D-Drucker für PLA und PETG, Bauraum 25 × 21 × 22 cm.', '3d-printer', 'ARN-3D-001', 'good',
     array['Ersatzdüse 0,4 mm', 'Spachtel', '2 Rollen PLA'], 1099.00, '{}', 'network', true, 'available', 14, 48, 100.00,
     true, 'Abholung dienstags bis freitags zu den Öffnungszeiten.'),
    ('3d000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000001', 'Meta Quest 3 (Set A)',
     'VR-Brille mit zwei Controllern, für Workshops zur Stadtplanung in VR.', 'vr-headset', 'ARN-VR-001', 'good',
     array['2 Controller', 'Ladekabel', 'Hygiene-Masken'], 549.00, '{}', 'network', true, 'available', 7, 24, 50.00,
     true, null),
    ('3d000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000002', 'Umweltsensor-Koffer',
     'Zehn Sensor-Kits (Feinstaub, Temperatur, Luftfeuchte) mit LoRaWAN-Anbindung.', 'sensor-kit', 'ISL-SK-001', 'good',
     array['10 Sensorknoten', 'Gateway', 'Netzteile'], 2400.00, '{}', 'network', true, 'available', 30, 72, 200.00,
     true, 'Einweisung 30 Minuten vor Abholung.'),
    ('3d000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000002', 'Beamer Epson EB-W49',
     'Lichtstarker Beamer für Veranstaltungen.', 'projector', 'ISL-PR-001', 'fair',
     array['HDMI-Kabel', 'Fernbedienung'], 650.00, '{}', 'lab', false, 'available', 3, 0, null, false, null),
    ('3d000000-0000-4000-8000-000000000005', '1b000000-0000-4000-8000-000000000003', 'Lasercutter Glowforge Pro',
     'CO₂-Lasercutter für Holz, Acryl und Karton.', 'laser-cutter', 'MEN-LC-001', 'good',
     array['Absaugung', 'Wabenbett'], 6900.00, '{}', 'lab', true, 'available', 1, 24, null, true,
     'Nur mit Einweisung; Nutzung in der Zukunfts.Werk.Stadt.'),
    ('3d000000-0000-4000-8000-000000000006', '1b000000-0000-4000-8000-000000000003', 'Bambu Lab P1S',
     'Schneller 3D-Drucker mit Gehäuse.', '3d-printer', 'MEN-3D-002', 'new',
     array['AMS-Einheit', 'Ersatzdüse'], 899.00, '{}', 'network', true, 'available', 14, 48, 100.00, true, null),
    ('3d000000-0000-4000-8000-000000000007', '1b000000-0000-4000-8000-000000000004', 'Meta Quest 3 (Set B)',
     'VR-Brille für Beteiligungswerkstätten.', 'vr-headset', 'SOE-VR-001', 'good',
     array['2 Controller', 'Ladestation'], 549.00, '{}', 'network', true, 'available', 7, 24, 50.00, true, null),
    ('3d000000-0000-4000-8000-000000000008', '1b000000-0000-4000-8000-000000000004', 'Robotik-Set LEGO SPIKE Prime',
     'Sechs Robotik-Bausätze für Schulklassen.', 'robotics-kit', 'SOE-RB-001', 'fair',
     array['6 Sets', 'Tablets nicht enthalten'], 2300.00, '{}', 'network', true, 'maintenance', 21, 72, 150.00, false,
     null),
    ('3d000000-0000-4000-8000-000000000009', '1b000000-0000-4000-8000-000000000004', 'Interview-Mikrofon Rode Wireless GO II',
     'Funkmikrofon-Set für Videos und Podcasts.', 'microphone', 'SOE-MI-001', 'good',
     array['2 Sender', 'Empfänger', 'Ansteckmikrofone'], 299.00, '{}', 'network', false, 'available', 10, 24, null, false,
     null)
on conflict (id) do update set
    lab_id = excluded.lab_id, name = excluded.name, description = excluded.description, category = excluded.category,
    inventory_number = excluded.inventory_number, condition = excluded.condition, accessories = excluded.accessories,
    replacement_value = excluded.replacement_value, sharing = excluded.sharing, public = excluded.public,
    status = excluded.status, max_loan_days = excluded.max_loan_days, min_notice_hours = excluded.min_notice_hours,
    deposit = excluded.deposit, briefing_required = excluded.briefing_required, pickup_notes = excluded.pickup_notes,
    updated_at = now();

-- Loans: Iserlohn has Arnsberg's printer, Menden asks for Soest's VR set, a past loan came back.
insert into reservation (id, item_id, kind, starts_at, ends_at, status, borrower_municipality_id, borrower_lab_id,
                         requested_by, purpose, decision_due_at, decided_at, decided_by, handed_over_at,
                         returned_at, return_condition) values
    ('4e000000-0000-4000-8000-000000000001', '3d000000-0000-4000-8000-000000000001', 'loan',
     date_trunc('day', now()) - interval '2 days', date_trunc('day', now()) + interval '5 days', 'handed-over',
     '0a000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000002', 'iserlohn-staff',
     'Druck von Stadtmodellen für den Zukunftstag', null, now() - interval '6 days', 'arnsberg-admin',
     now() - interval '2 days', null, null),
    ('4e000000-0000-4000-8000-000000000002', '3d000000-0000-4000-8000-000000000007', 'loan',
     date_trunc('day', now()) + interval '10 days', date_trunc('day', now()) + interval '12 days', 'requested',
     '0a000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000003', 'menden-staff',
     'VR-Rundgang durch die neue Innenstadt beim Bürgerabend', now() + interval '3 days', null, null, null, null, null),
    ('4e000000-0000-4000-8000-000000000003', '3d000000-0000-4000-8000-000000000003', 'loan',
     date_trunc('day', now()) - interval '40 days', date_trunc('day', now()) - interval '25 days', 'returned',
     '0a000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000004', 'soest-staff',
     'Messkampagne Hitzeinseln in der Altstadt', null, now() - interval '45 days', 'iserlohn-admin',
     now() - interval '40 days', now() - interval '25 days', 'good')
on conflict (id) do nothing;

insert into reservation (id, item_id, kind, starts_at, ends_at, status, requested_by, purpose) values
    ('4e000000-0000-4000-8000-000000000004', '3d000000-0000-4000-8000-000000000002', 'maintenance',
     date_trunc('day', now()) + interval '20 days', date_trunc('day', now()) + interval '21 days', 'scheduled',
     'arnsberg-staff', 'Linsen reinigen, Firmware-Update')
on conflict (id) do nothing;

-- Events: the monthly virtual coffee of the network (last Wednesday, 09:30 Berlin time) and a
-- handful of public events across the labs, dated relative to today.
insert into event (id, lead_lab_id, title, description, category, topics, format, place_lab_id, place_address,
                   online_url, accessibility_notes, visibility, status, time_zone, starts_local, ends_local, rrule)
values
    ('5f000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000001',
     'Virtueller Kaffee der Stadtlabore-Crew',
     'Jeden letzten Mittwoch im Monat: Austausch der vier Stadtlabore bei einer Tasse Kaffee.', 'netzwerktreffen',
     array['Netzwerk', 'Austausch'], 'online', null, null, 'https://meet.example.org/stadtlabore-kaffee', null,
     'network', 'scheduled', 'Europe/Berlin', '2026-01-28 09:30', '2026-01-28 10:30', 'FREQ=MONTHLY;BYDAY=-1WE'),
    ('5f000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000003',
     'Offene Werkstatt: 3D-Druck für Einsteiger',
     'Jeden Donnerstag zeigen wir, wie aus einer Idee ein gedrucktes Objekt wird. Ohne Vorkenntnisse.', 'workshop',
     array['3D-Druck', 'Makerspace'], 'in-person', '1b000000-0000-4000-8000-000000000003', null, null,
     'Eine Stufe am Eingang; mobile Rampe auf Nachfrage.', 'public', 'scheduled', 'Europe/Berlin',
     date_trunc('week', now() at time zone 'Europe/Berlin') + interval '3 days 18 hours',
     date_trunc('week', now() at time zone 'Europe/Berlin') + interval '3 days 20 hours', 'FREQ=WEEKLY;BYDAY=TH'),
    ('5f000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000004',
     'Bürgerdialog: Mobilität in der Soester Altstadt',
     'Wie kommen wir morgen durch die Altstadt? Wir zeigen Daten und sammeln Ideen.', 'buergerdialog',
     array['Mobilität', 'Bürgerbeteiligung'], 'hybrid', '1b000000-0000-4000-8000-000000000004', null,
     'https://meet.example.org/soest-mobilitaet', 'Stufenloser Zugang, Höranlage vorhanden.', 'public', 'scheduled',
     'Europe/Berlin', date_trunc('day', now() at time zone 'Europe/Berlin') + interval '12 days 18 hours',
     date_trunc('day', now() at time zone 'Europe/Berlin') + interval '12 days 20 hours 30 minutes', null),
    ('5f000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000002',
     'Klima-Sensoren selber bauen',
     'Gemeinsam mit dem stadtLABOR Soest bauen wir Sensoren für Temperatur und Feinstaub.', 'workshop',
     array['Klima und Umwelt', 'Sensorik'], 'in-person', '1b000000-0000-4000-8000-000000000002', null, null, null,
     'public', 'scheduled', 'Europe/Berlin', date_trunc('day', now() at time zone 'Europe/Berlin') + interval '20 days 15 hours',
     date_trunc('day', now() at time zone 'Europe/Berlin') + interval '20 days 18 hours', null),
    ('5f000000-0000-4000-8000-000000000005', '1b000000-0000-4000-8000-000000000001',
     'Smart-City-Sprechstunde',
     'Alle zwei Wochen: Fragen zu digitalen Angeboten der Stadt Arnsberg, ohne Anmeldung.', 'sprechstunde',
     array['Smart City', 'Digitale Bildung'], 'in-person', '1b000000-0000-4000-8000-000000000001', null, null,
     'Ebenerdiger Eingang.', 'public', 'scheduled', 'Europe/Berlin',
     date_trunc('week', now() at time zone 'Europe/Berlin') + interval '1 day 16 hours',
     date_trunc('week', now() at time zone 'Europe/Berlin') + interval '1 day 18 hours', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU')
on conflict (id) do nothing;

insert into event_organiser (event_id, lab_id, status, responded_at) values
    ('5f000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000002', 'accepted', now()),
    ('5f000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000003', 'accepted', now()),
    ('5f000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000004', 'accepted', now()),
    ('5f000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000004', 'accepted', now())
on conflict (event_id, lab_id) do nothing;

-- A purchase proposal: Soest proposes a 3D scanner, Arnsberg and Menden pledge.
insert into purchase_proposal (id, lab_id, title, category, description, quantity, estimated_cost, justification,
                               decision_deadline, status, created_by) values
    ('6a000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000004', 'Handscanner Creality Raptor',
     '3d-scanner', 'Mobiler 3D-Scanner für Gebäudedetails und Modelle.', 3, 2700.00,
     'Noch kein Labor im Netzwerk hat einen 3D-Scanner; drei Geräte decken alle Werkstätten ab.',
     (now() + interval '30 days')::date, 'open', 'soest-admin')
on conflict (id) do nothing;

insert into purchase_pledge (id, proposal_id, lab_id, kind, amount, quantity, comment, created_by) values
    ('6b000000-0000-4000-8000-000000000001', '6a000000-0000-4000-8000-000000000001',
     '1b000000-0000-4000-8000-000000000001', 'pledge', 900.00, 1, 'Wir übernehmen ein Gerät.', 'arnsberg-admin'),
    ('6b000000-0000-4000-8000-000000000002', '6a000000-0000-4000-8000-000000000001',
     '1b000000-0000-4000-8000-000000000003', 'pledge', 450.00, null, 'Wir beteiligen uns an den Kosten.', 'menden-admin'),
    ('6b000000-0000-4000-8000-000000000003', '6a000000-0000-4000-8000-000000000001',
     '1b000000-0000-4000-8000-000000000002', 'interest', null, null, 'Würden gern mitleihen.', 'iserlohn-staff')
on conflict (id) do nothing;

-- Projects: cross-lab cooperation with partners, milestones and tasks. The staff members are
-- the demo users of the development identity provider (their token subjects).
insert into staff_member (id, issuer, subject, municipality_id, name) values
    ('7c000000-0000-4000-8000-000000000001', '${devIdpUrl}/realms/stadtlabore-arnsberg',
     'e79ba85c-d8cd-33c7-bdb7-87fff4c435ff', '0a000000-0000-4000-8000-000000000001', 'Anna Arndt - Team'),
    ('7c000000-0000-4000-8000-000000000002', '${devIdpUrl}/realms/stadtlabore-soest',
     '1976cce9-b7cb-309d-b24f-7cafddc82905', '0a000000-0000-4000-8000-000000000004', 'Sophie Sommer - Team'),
    ('7c000000-0000-4000-8000-000000000003', '${devIdpUrl}/realms/stadtlabore-menden',
     '5a91c98c-17d8-3854-85ac-800cec0b779d', '0a000000-0000-4000-8000-000000000003', 'Max Meier - Team')
on conflict (id) do update set issuer = excluded.issuer;

insert into project (id, lead_lab_id, title, summary, description, topics, starts_on, ends_on, visibility, status) values
    ('8d000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000004', 'Offene Daten für Südwestfalen',
     'Gemeinsames Open-Data-Portal der vier Stadtlabore.',
     'Die Labore veröffentlichen Sensordaten, Veranstaltungsdaten und Verleihstatistiken als offene Daten.',
     array['Open Data', 'Smart City'], '2026-09-01', '2027-06-30', 'public', 'active'),
    ('8d000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000001', 'Kommunikation im Verbund',
     'Gemeinsame Öffentlichkeitsarbeit der Stadtlabore.', 'Redaktionsplan, gemeinsame Kanäle und Pressearbeit.',
     array['Kommunikation', 'Netzwerk'], '2026-10-01', null, 'network', 'planned')
on conflict (id) do nothing;

insert into project_partner (project_id, lab_id, status, responded_at) values
    ('8d000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000001', 'accepted', now()),
    ('8d000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000003', 'accepted', now()),
    ('8d000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000002', 'invited', null),
    ('8d000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000004', 'accepted', now())
on conflict (project_id, lab_id) do nothing;

insert into project_link (project_id, position, label, url) values
    ('8d000000-0000-4000-8000-000000000001', 0, 'Whiteboard', 'https://whiteboard.example.org/open-data'),
    ('8d000000-0000-4000-8000-000000000001', 1, 'Dokumente', 'https://docs.example.org/open-data')
on conflict (project_id, position) do nothing;

insert into milestone (id, project_id, title, due_on, done) values
    ('9e000000-0000-4000-8000-000000000001', '8d000000-0000-4000-8000-000000000001', 'Datenkatalog abgestimmt', '2026-11-15', true),
    ('9e000000-0000-4000-8000-000000000002', '8d000000-0000-4000-8000-000000000001', 'Portal online', '2027-03-31', false)
on conflict (id) do nothing;

insert into task (id, project_id, lab_id, title, description, status, assignee_id, due_on, position) values
    ('af000000-0000-4000-8000-000000000001', '8d000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000004',
     'Lizenzfragen klären', 'Welche Lizenz für welche Daten?', 'doing', '7c000000-0000-4000-8000-000000000002', '2026-12-15', 0),
    ('af000000-0000-4000-8000-000000000002', '8d000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000001',
     'Sensordaten-Schnittstelle beschreiben', '', 'todo', '7c000000-0000-4000-8000-000000000001', '2027-01-31', 0),
    ('af000000-0000-4000-8000-000000000003', '8d000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000003',
     'Verleihstatistik exportieren', '', 'todo', '7c000000-0000-4000-8000-000000000003', null, 1)
on conflict (id) do nothing;

update event set project_id = '8d000000-0000-4000-8000-000000000001'
    where id = '5f000000-0000-4000-8000-000000000004' and project_id is null;
