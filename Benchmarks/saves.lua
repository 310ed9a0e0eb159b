-- wrk script for the exam hour: every request saves the next answer of one candidate, round robin over the
-- candidates given to this wrk thread; each candidate's seq strictly increases. Counts 2xx answers.
local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("index", counter)
   table.insert(threads, thread)
end

function init(args)
   local total_threads = tonumber(args[2])
   candidates = {}
   local i = 0
   for line in io.lines(args[1]) do
      if i % total_threads == index - 1 then
         local cookie, csrf, attempt, client = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)")
         table.insert(candidates, { cookie = cookie, csrf = csrf, attempt = attempt, client = client, seq = 0 })
      end
      i = i + 1
   end
   next_candidate = 1
   ok = 0
   refused = 0
end

function request()
   local c = candidates[next_candidate]
   next_candidate = next_candidate % #candidates + 1
   c.seq = c.seq + 1
   local slot = c.seq % 50
   local body = string.format('{"seq":%d,"clientId":"%s","response":{"judge":%s}}', c.seq, c.client,
                              (c.seq % 2 == 0) and "true" or "false")
   return wrk.format("PUT", "/api/v1/attempts/" .. c.attempt .. "/responses/" .. slot,
                     { ["Content-Type"] = "application/json", ["Cookie"] = c.cookie, ["X-CSRF-Token"] = c.csrf }, body)
end

function response(status, headers, body)
   if status >= 200 and status < 300 then ok = ok + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
   local acked, other = 0, 0
   for _, t in ipairs(threads) do
      acked = acked + t:get("ok")
      other = other + t:get("refused")
   end
   io.write(string.format("ACKED %d REFUSED %d\n", acked, other))
end
