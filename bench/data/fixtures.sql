-- What the benchmark adds to the demo data (and so to the big database, which starts as a copy):
-- the bench's identity provider for one demo municipality, an API key of it with every scope, and
-- a capacity for the public demo events, so that citizens can register for them.
--
--   psql -v municipality=arnsberg -v issuer=http://127.0.0.1:PORT/realms/bench \
--        -v key_prefix=slk_... -v key_hash=<sha-256 hex> -f bench/data/fixtures.sql

insert into identity_provider (id, municipality_id, issuer, audience)
select 'b0000000-0000-4000-8000-000000000001', id, :'issuer', 'stadtlabore-api'
from municipality where slug = :'municipality';

insert into api_key (id, municipality_id, name, prefix, secret_hash, scopes, created_by, expires_at)
select 'b0000000-0000-4000-8000-000000000002', id, 'Lasttest', :'key_prefix', :'key_hash',
       array['labs:read', 'labs:write', 'audit:read', 'inventory:read', 'inventory:write', 'events:read', 'events:write',
             'purchases:read', 'purchases:write', 'projects:read', 'projects:write'],
       'bench', now() + interval '2 days'
from municipality where slug = :'municipality';

update event set capacity = 100000 where visibility = 'public' and capacity is null;
