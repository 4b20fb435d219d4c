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
