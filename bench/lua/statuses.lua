-- Shared by the write scripts: counts the answers by status in every thread and prints the mix
-- when wrk is done, one "STATUS <code> <count>" line each, for bench/run to read. Also gives each
-- thread a number (0, 1, ...) in the global `thread_number`, so that requests can be spread over
-- items, periods and e-mail addresses without two threads ever sending the same one.

local threads = {}

function setup(thread)
   thread:set("thread_number", #threads)
   table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         total[status] = (total[status] or 0) + count
      end
   end
   for status, count in pairs(total) do
      io.write(string.format("STATUS %d %d\n", status, count))
   end
end

-- The arguments after "--" as a table: name=value.
function named(args)
   local values = {}
   for _, arg in ipairs(args) do
      local name, value = arg:match("^([^=]+)=(.*)$")
      values[name] = value
   end
   return values
end

-- The non-empty lines of a file.
function lines_of(path)
   local lines = {}
   for line in io.lines(path) do
      if line ~= "" then
         table.insert(lines, line)
      end
   end
   return lines
end
