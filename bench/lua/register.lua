-- POST /events/{id}/occurrences/{occurrence}/registrations, anonymous: request g of the run
-- (counted over all threads) registers address bench-<nonce>-<g>@example.org for occurrence
-- g mod #occurrences, so that no address registers twice and the occurrences' locks are shared
-- out. The occurrences file has one "<event id> <occurrence>" per line.
--
--   wrk ... -s bench/lua/register.lua URL -- occurrences=FILE nonce=TEXT threads=T
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "statuses.lua")

function init(args)
   local options = named(args)
   paths = {}
   for _, line in ipairs(lines_of(options.occurrences)) do
      local event, occurrence = line:match("^(%S+) (%S+)$")
      table.insert(paths, "/events/" .. event .. "/occurrences/" .. occurrence .. "/registrations")
   end
   nonce = options.nonce
   thread_count = tonumber(options.threads)
   sent = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   local g = sent * thread_count + thread_number
   sent = sent + 1
   local body = string.format(
      '{"name":"Lasttest Person %d","email":"bench-%s-%d@example.org","consent":true,"seats":1}', g, nonce, g)
   return wrk.format(nil, paths[g % #paths + 1], nil, body)
end
