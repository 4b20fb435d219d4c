-- POST of one fixed body to one path, again and again: the conflict path (the same item and
-- period as a booking that exists, answered 409 with the clashing periods and alternatives).
--
--   wrk ... -s bench/lua/post.lua URL -- path=/reservations body=FILE
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "statuses.lua")

function init(args)
   local options = named(args)
   local file = io.open(options.body)
   wrk.method = "POST"
   wrk.path = options.path
   wrk.body = file:read("*a")
   file:close()
   wrk.headers["Content-Type"] = "application/json"
end
