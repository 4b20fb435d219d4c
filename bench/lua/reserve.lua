-- POST /reservations: one-hour loans of distinct items and periods, so that wrk measures
-- throughput, not conflicts. Request g of the run (counted over all threads) books item
-- g mod #items in hour slot (run * 3000 + g div #items) after t0: no two requests of one run, and
-- no two runs, ask for the same item at the same time. bench/run makes at most five runs of a write
-- endpoint (three warm-up rounds, throughput, latency); run N starts 3,000 N hours after t0 (200
-- days ahead), the fifth at 700 days, within the 730-day planning horizon.
--
--   wrk ... -H 'Authorization: Bearer ...' -s bench/lua/reserve.lua URL -- \
--       items=FILE borrower=LAB-SLUG t0=EPOCH-SECONDS run=N threads=T
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "statuses.lua")

local SLOTS_PER_RUN = 3000

function init(args)
   local options = named(args)
   items = lines_of(options.items)
   borrower = options.borrower
   t0 = tonumber(options.t0)
   slot_base = tonumber(options.run) * SLOTS_PER_RUN
   thread_count = tonumber(options.threads)
   sent = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

local function iso(epoch)
   return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

function request()
   local g = sent * thread_count + thread_number
   sent = sent + 1
   local item = items[g % #items + 1]
   local starts = t0 + (slot_base + math.floor(g / #items)) * 3600
   local body = string.format(
      '{"item":"%s","borrowerLab":"%s","startsAt":"%s","endsAt":"%s","purpose":"Lasttest"}',
      item, borrower, iso(starts), iso(starts + 3600))
   return wrk.format(nil, "/reservations", nil, body)
end
