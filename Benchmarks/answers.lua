-- wrk script for the quiz round: each wrk thread plays its share of the entries, answering slot 0..9 of each entry
-- in turn with no think time; it stops itself when every answer is in. Counts 200s that stored an answer.
local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("index", counter)
   table.insert(threads, thread)
end

function init(args)
   local total_threads = tonumber(args[2])
   slots = tonumber(args[3])
   -- "loop": go round the queue until wrk's time is up (the reference run against the C server, which stores nothing).
   loop = args[4] == "loop"
   queue = {}
   local i = 0
   for line in io.lines(args[1]) do
      if i % total_threads == index - 1 then
         local cookie, csrf, entry, token = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)")
         for slot = 0, slots - 1 do
            table.insert(queue, { cookie = cookie, csrf = csrf, entry = entry, token = token, slot = slot })
         end
      end
      i = i + 1
   end
   -- Interleave entries: answer slot 0 of every entry, then slot 1 … like many people playing at once.
   table.sort(queue, function(a, b) if a.slot ~= b.slot then return a.slot < b.slot end return a.entry < b.entry end)
   nextIndex = 0
   stored = 0
   other = 0
   replayed = 0
end

function request()
   -- wrk may build one request per thread that it never sends: the first call is a harmless health check.
   if nextIndex == 0 then
      nextIndex = 1
      return wrk.format("GET", "/healthz")
   end
   -- Past the end, the last answer is sent again (a harmless replay) until the last responses are in.
   if loop and nextIndex > #queue then nextIndex = 1 end
   local q = queue[nextIndex] or queue[#queue]
   nextIndex = nextIndex + 1
   if not loop and nextIndex > #queue + 10000 then wrk.thread:stop() end
   local body = string.format('{"token":"%s","response":{"judge":true}}', q.token)
   return wrk.format("PUT", "/api/v1/quiz/entries/" .. q.entry .. "/answers/" .. q.slot,
                     { ["Content-Type"] = "application/json", ["Cookie"] = q.cookie, ["X-CSRF-Token"] = q.csrf }, body)
end

function response(status, headers, body)
   if status ~= 200 then other = other + 1
   elseif body:find('"replayed":false', 1, true) then stored = stored + 1
   else replayed = replayed + 1 end
   if not loop and stored + other >= #queue then wrk.thread:stop() end
end

function done(summary, latency, requests)
   local s, o, r = 0, 0, 0
   for _, t in ipairs(threads) do
      s = s + t:get("stored")
      o = o + t:get("other")
      r = r + t:get("replayed")
   end
   io.write(string.format("STORED %d OTHER %d REPLAYED %d\n", s, o, r))
end
