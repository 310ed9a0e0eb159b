-- wrk script for event ingestion: every request is a batch of 10 reading events (opened, read, finished) from one of
-- 1,000 devices per thread, each event with its own id, on one of the given pieces. Counts 202s and events taken.
local counter = 0
function setup(thread)
   counter = counter + 1
   thread:set("index", counter)
end

function init(args)
   slugs = {}
   for s in string.gmatch(args[1], "[^,]+") do table.insert(slugs, s) end
   n = 0
   ok = 0
   taken = 0
   kinds = { "opened", "read", "finished" }
end

function request()
   n = n + 1
   local now = os.time() * 1000
   local parts = {}
   for k = 1, 10 do
      local kind = kinds[(k % 3) + 1]
      local extra = kind == "read" and ',"seconds":15,"depth":0.6' or ""
      parts[k] = string.format('{"id":"t%d-%d-%d","kind":"%s","content":"%s","at":%d%s}', index, n, k, kind,
                               slugs[(n + k) % #slugs + 1], now, extra)
   end
   local body = string.format('{"device":"bench-device-%d-%d","events":[%s]}', index, n % 1000, table.concat(parts, ","))
   return wrk.format("POST", "/api/v1/events", { ["Content-Type"] = "text/plain;charset=UTF-8",
      ["User-Agent"] = "Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile Safari/537.36" }, body)
end

function response(status, headers, body)
   if status == 202 then
      ok = ok + 1
      local a = string.match(body, '"accepted":(%d+)')
      if a then taken = taken + tonumber(a) end
   end
end

function done(summary, latency, requests)
   -- wrk's threads keep their own counters; the Python driver reads the database for the totals.
end
